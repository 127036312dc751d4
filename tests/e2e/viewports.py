"""The widths the browser tests look at pages in."""

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
