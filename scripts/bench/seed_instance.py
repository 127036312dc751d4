"""Seed a bench instance: ``python -m scripts.bench.seed_instance <zope.conf>``.

run.py runs it from the checkout's root, with BENCH_SCALE and BENCH_INFO in the
environment. Zope is started as ``zconsole run`` starts it (a request, the
system user), but as a module, so that ``scripts.bench.seed`` is imported as
part of its package.
"""

import os
import sys

import Zope2
from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.users import system
from Testing.makerequest import makerequest
from zope.globalrequest import setRequest
from Zope2.Startup.run import make_wsgi_app

from scripts.bench.seed import main


def zope_app(zope_conf):
    make_wsgi_app({}, zope_conf)
    app = makerequest(Zope2.app())
    app.REQUEST["PARENTS"] = [app]
    setRequest(app.REQUEST)
    newSecurityManager(None, system)
    return app


if __name__ == "__main__":
    sys.exit(main(zope_app(sys.argv[1]), os.environ))
