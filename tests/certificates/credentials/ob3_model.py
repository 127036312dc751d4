"""The required properties of an Open Badges 3.0 ``OpenBadgeCredential``,
written from the specification's data model (OB 3.0, "Data Models":
AchievementCredential, Profile, AchievementSubject, Achievement, Criteria,
IdentityObject, CredentialStatus), since its JSON schema cannot be fetched.

``problems(credential)`` lists what is missing or wrong; empty means conform.
"""

import re


VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB_CONTEXT = re.compile(r"^https://purl\.imsglobal\.org/spec/ob/v3p0/context-3\.0\.\d+\.json$")
DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
URI = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$")
ACHIEVEMENT_TYPES = {
    "Achievement", "ApprenticeshipCertificate", "Assessment", "Assignment",
    "AssociateDegree", "Award", "Badge", "BachelorDegree", "Certificate",
    "CertificateOfCompletion", "Certification", "CommunityService", "Competency",
    "Course", "CoCurricular", "Degree", "Diploma", "DoctoralDegree", "Fieldwork",
    "GeneralEducationDevelopment", "JourneymanCertificate", "LearningProgram",
    "License", "Membership", "ProfessionalDoctorate", "QualityAssuranceCredential",
    "MasterCertificate", "MasterDegree", "MicroCredential", "ResearchDoctorate",
    "SecondarySchoolDiploma",
}  # fmt: skip


def _types(value):
    return value if isinstance(value, list) else [value]


def _profile(profile, where):
    if not isinstance(profile, dict):
        return [f"{where} must be a Profile object"]
    found = []
    if not URI.match(str(profile.get("id", ""))):
        found.append(f"{where}.id must be a URI")
    if "Profile" not in _types(profile.get("type")):
        found.append(f"{where}.type must include Profile")
    return found


def _achievement(achievement):
    if not isinstance(achievement, dict):
        return ["credentialSubject.achievement is required"]
    found = []
    if not URI.match(str(achievement.get("id", ""))):
        found.append("achievement.id must be a URI")
    if "Achievement" not in _types(achievement.get("type")):
        found.append("achievement.type must include Achievement")
    for name in ("name", "description"):
        if not isinstance(achievement.get(name), str) or not achievement[name]:
            found.append(f"achievement.{name} is required")
    criteria = achievement.get("criteria")
    if not isinstance(criteria, dict) or not (criteria.get("id") or criteria.get("narrative")):
        found.append("achievement.criteria needs an id or a narrative")
    kind = achievement.get("achievementType")
    if kind is not None and kind not in ACHIEVEMENT_TYPES and not str(kind).startswith("ext:"):
        found.append("achievement.achievementType is not in the vocabulary")
    if "creator" in achievement:
        found.extend(_profile(achievement["creator"], "achievement.creator"))
    return found


def _identity(identifier):
    required = ("identityHash", "identityType", "hashed")
    if identifier.get("type") != "IdentityObject" or any(k not in identifier for k in required):
        return ["credentialSubject.identifier must be IdentityObjects"]
    return []


def _subject(subject):
    if not isinstance(subject, dict):
        return ["credentialSubject is required"]
    found = []
    if "AchievementSubject" not in _types(subject.get("type")):
        found.append("credentialSubject.type must include AchievementSubject")
    identifiers = subject.get("identifier") or []
    if not subject.get("id") and not identifiers:
        found.append("credentialSubject needs an id or an identifier")
    for identifier in identifiers:
        found.extend(_identity(identifier))
    found.extend(_achievement(subject.get("achievement")))
    return found


def _status(status):
    if status is None:
        return []
    found = []
    if not URI.match(str(status.get("id", ""))) or not status.get("type"):
        found.append("credentialStatus needs an id (URI) and a type")
    if status.get("type") == "BitstringStatusListEntry":
        for name in ("statusPurpose", "statusListIndex", "statusListCredential"):
            if not isinstance(status.get(name), str):
                found.append(f"credentialStatus.{name} must be a string")
    return found


def _valid_until(credential):
    """``validUntil`` is optional; when given, a date and time after ``validFrom``."""
    if "validUntil" not in credential:
        return []
    until, since = str(credential["validUntil"]), str(credential.get("validFrom", ""))
    if not DATETIME.match(until):
        return ["validUntil must be a date and time"]
    if DATETIME.match(since) and until.replace("Z", "+00:00") <= since.replace("Z", "+00:00"):
        return ["validUntil must come after validFrom"]
    return []


def problems(credential):
    found = []
    context = credential.get("@context") or []
    if not context or context[0] != VC_CONTEXT:
        found.append("@context must start with the VC 2.0 context")
    if not any(OB_CONTEXT.match(str(item)) for item in context):
        found.append("@context must hold the Open Badges 3.0 context")
    if not URI.match(str(credential.get("id", ""))):
        found.append("id must be a URI")
    kinds = _types(credential.get("type"))
    if "VerifiableCredential" not in kinds:
        found.append("type must include VerifiableCredential")
    if not {"OpenBadgeCredential", "AchievementCredential"} & set(kinds):
        found.append("type must include OpenBadgeCredential")
    if not isinstance(credential.get("name"), str) or not credential["name"]:
        found.append("name is required")
    issuer = credential.get("issuer")
    found.extend(_profile(issuer, "issuer"))
    if not DATETIME.match(str(credential.get("validFrom", ""))):
        found.append("validFrom must be a date and time")
    found.extend(_valid_until(credential))
    found.extend(_subject(credential.get("credentialSubject")))
    found.extend(_status(credential.get("credentialStatus")))
    return found
