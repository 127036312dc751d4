"""What an organisation teaches with: course types and their material,
training centres and course conveners."""

from qgis.certification.builders.adding import add


def add_course_type(organisation, title, instruction_hours, object_id=None, bulk=None, **fields):
    return add(
        organisation,
        "CourseType",
        object_id,
        bulk,
        title=title,
        instruction_hours=instruction_hours,
        **fields,
    )


def add_material(course_type, title, url, object_id=None, bulk=None):
    """A link to the course type's material (exercises, data, slides)."""
    return add(course_type, "Link", object_id, bulk, title=title, remoteUrl=url)


def add_training_centre(organisation, title, country, object_id=None, bulk=None, **fields):
    """A training centre; ``latitude`` and ``longitude`` put it on the map."""
    return add(
        organisation, "TrainingCenter", object_id, bulk, title=title, country=country, **fields
    )


def add_convener(organisation, title, user_id, object_id=None, bulk=None, **fields):
    """A course convener, the person ``user_id`` of the site."""
    return add(
        organisation, "CourseConvener", object_id, bulk, title=title, user_id=user_id, **fields
    )
