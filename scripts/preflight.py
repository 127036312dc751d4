"""Checks made before the server starts, each failing with one readable line."""

import os
import socket
import sys


def main():
    host = os.environ.get("HOST", "127.0.0.1")
    port = int(os.environ.get("PORT", "8080"))
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            print(
                f"start: cannot listen on {host}:{port}: {error.strerror} "
                "(is another instance running? set HOST/PORT to choose another)",
                file=sys.stderr,
            )
            return 1
    if os.environ.get("ADMIN_PASSWORD", "admin") == "admin":
        print(
            "WARNING: admin's password is the demo default 'admin'; "
            "set ADMIN_PASSWORD for anything but a local demo.",
            file=sys.stderr,
        )
    print(f"start: serving http://{host}:{port}/{os.environ.get('SITE_ID', 'Plone')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
