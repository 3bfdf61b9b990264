"""tconv.compile: MLIR to a loaded Module, through tconv-compile
--emit=shared into a cache directory keyed by what the library depends on."""

import hashlib
import os
import shutil
import subprocess
import tempfile

from ._errors import CompileError
from ._library import load

# Bumped when the layout of a cache entry changes.
_CACHE_LAYOUT = "1"


def cache_dir():
    """$TCONV_CACHE_DIR, else $XDG_CACHE_HOME/tconv, else ~/.cache/tconv."""
    explicit = os.environ.get("TCONV_CACHE_DIR")
    if explicit:
        return explicit
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(
        os.path.expanduser("~"), ".cache")
    return os.path.join(base, "tconv")


def find_tconv_compile():
    """$TCONV_COMPILE; else the build tree's or the install's bin/ beside this
    package (build/python/tconv -> build/bin; <prefix>/lib/python3/
    dist-packages/tconv -> <prefix>/bin); else PATH."""
    explicit = os.environ.get("TCONV_COMPILE")
    if explicit:
        if not (os.path.isfile(explicit) and os.access(explicit, os.X_OK)):
            raise CompileError("$TCONV_COMPILE names '%s', which is not an "
                               "executable file" % explicit)
        return explicit
    here = os.path.dirname(os.path.abspath(__file__))
    for up in (("..", ".."), ("..", "..", "..", "..")):
        candidate = os.path.normpath(os.path.join(here, *up, "bin", "tconv-compile"))
        if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    found = shutil.which("tconv-compile")
    if found:
        return found
    raise CompileError("tconv-compile not found: set $TCONV_COMPILE, or put "
                       "tconv's bin/ on PATH")


def _source_text(source):
    """MLIR text as given, or read from a path."""
    if "func.func" in source or "\n" in source:
        return source
    try:
        with open(source) as f:
            return f.read()
    except OSError as e:
        raise CompileError("cannot read the MLIR file '%s': %s" % (
            source, e.strerror)) from None


def _key(text, target, compiler, options):
    st = os.stat(compiler)
    h = hashlib.sha256()
    for part in (_CACHE_LAYOUT, text, target, os.path.realpath(compiler),
                 str(st.st_size), str(st.st_mtime_ns), "\0".join(options)):
        h.update(part.encode())
        h.update(b"\0")
    return h.hexdigest()[:32]


def compile(source, target="host", options=(), cache=None):
    """Compiles `source` (MLIR text, or the path of a .mlir file) with
    tconv-compile --emit=shared for `target` and returns the loaded Module.
    `options` are further tconv-compile arguments (e.g. "--tuning-db=FILE").
    The library is kept in `cache` (default: cache_dir()) under a key of the
    source, the target, the options and the tconv-compile binary, so the
    same source compiles once. Raises CompileError with tconv-compile's
    diagnostics on failure."""
    text = _source_text(source)
    compiler = find_tconv_compile()
    options = [str(o) for o in options]
    root = cache or cache_dir()
    entry = os.path.join(root, _key(text, target, compiler, options))
    library = os.path.join(entry, "kernels.so")
    if os.path.isfile(library) and os.path.isfile(os.path.join(entry, "kernels.json")):
        return load(library)
    try:
        os.makedirs(root, exist_ok=True)
        staging = tempfile.mkdtemp(prefix=".staging-", dir=root)
    except OSError as e:
        raise CompileError("cannot use the cache directory '%s': %s" % (
            root, e.strerror)) from None
    try:
        mlir = os.path.join(staging, "kernels.mlir")
        with open(mlir, "w") as f:
            f.write(text)
        run = subprocess.run(
            [compiler, mlir, "-o", staging, "--target=" + target,
             "--emit=shared"] + options,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if run.returncode != 0:
            raise CompileError("tconv-compile failed (exit status %d):\n%s" % (
                run.returncode, run.stdout.rstrip()))
        try:
            os.rename(staging, entry)  # atomic: whole entries only
        except OSError:
            if not os.path.isfile(library):  # not another process's entry
                raise
        else:
            staging = None
    finally:
        if staging:
            shutil.rmtree(staging, ignore_errors=True)
    return load(library)
