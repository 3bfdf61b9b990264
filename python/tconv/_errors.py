"""The exceptions the package raises."""


class Error(Exception):
    """Base class of tconv's errors."""


class KernelError(Error):
    """A kernel rejected its operands: the message is the kernel's own
    (Halide's halide_error text), prefixed with the kernel's name."""

    def __init__(self, kernel, code, message):
        self.kernel = kernel
        self.code = code
        self.kernel_message = message
        super().__init__("%s: %s" % (kernel, message))


class ManifestError(Error):
    """A library's manifest is missing, unreadable or not one this package
    reads."""


class CompileError(Error):
    """tconv-compile failed or could not be run; the message holds its
    diagnostics."""
