"""The browser side of the site and the build that assembles it."""
