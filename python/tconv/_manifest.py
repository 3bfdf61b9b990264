"""Reading the manifest that tconv-compile --emit=shared writes beside a
library (<stem>.json; docs/python.md has the format)."""

import json

from ._errors import ManifestError

FORMAT = "tconv-kernel-manifest"
VERSION = 1
ELEMENT_TYPES = ("f16", "bf16", "f32", "f64")
ROLES = ("input", "weight", "bias", "extra", "output")


class Operand:
    """One buffer argument of a kernel, in ABI order."""

    def __init__(self, role, name, element_type, extents):
        self.role = role
        self.name = name
        self.element_type = element_type
        self.extents = extents  # outermost first, None where dynamic

    @property
    def rank(self):
        return len(self.extents)

    def __repr__(self):
        return "%s %s%s" % (self.name, self.element_type, "x".join(
            "?" if e is None else str(e) for e in self.extents).join("[]"))


class KernelInfo:
    """A kernel's entry: its operands and the canonical op's attributes."""

    def __init__(self, entry):
        self.name = entry["name"]
        self.argv_symbol = entry["argv_symbol"]
        self.spatial_rank = entry["spatial_rank"]
        self.attributes = {k: entry[k] for k in (
            "groups", "kernel_size", "stride", "dilation", "pad_lo", "pad_hi",
            "trailing_zeros")}
        self.operands = [Operand(o["role"], o["name"], o["element_type"],
                                 list(o["extents"])) for o in entry["operands"]]
        self.arguments = [o for o in self.operands if o.role != "output"]
        outputs = [o for o in self.operands if o.role == "output"]
        if len(outputs) != 1 or self.operands[-1] is not outputs[0]:
            raise ValueError("kernel '%s' must have exactly one operand of role "
                             "'output', the last" % self.name)
        self.output = outputs[0]
        for o in self.operands:
            if o.role not in ROLES:
                raise ValueError("operand '%s' has unknown role '%s'" % (o.name, o.role))
            if o.element_type not in ELEMENT_TYPES:
                raise ValueError("operand '%s' has unknown element type '%s'"
                                 % (o.name, o.element_type))

    def output_shape(self, input_shape):
        """The output's extents for an input of `input_shape`. Where the
        input does not fit the kernel (wrong rank, a length too short), the
        manifest's extent or 1 stands in: the kernel then rejects the call
        with its own message before it writes anything."""
        a = self.attributes
        fits = len(input_shape) == len(self.output.extents)
        shape = []
        for i, extent in enumerate(self.output.extents):
            if extent is None:
                extent = 1
                if fits and i == 0:
                    extent = input_shape[0]
                elif fits and i >= 2:
                    d = i - 2
                    full = ((input_shape[i] - 1) * a["stride"][d]
                            + a["dilation"][d] * (a["kernel_size"][d] - 1) + 1)
                    extent = max(1, full - a["pad_lo"][d] - a["pad_hi"][d]
                                 + a["trailing_zeros"][d])
            shape.append(extent)
        return tuple(shape)


def read_manifest(path):
    """The manifest at `path`: (library file name, target, [KernelInfo])."""
    try:
        with open(path) as f:
            root = json.load(f)
    except FileNotFoundError:
        raise ManifestError("no manifest '%s' beside the library (tconv-compile "
                            "--emit=shared writes <stem>.so and <stem>.json)"
                            % path) from None
    except (OSError, ValueError) as e:
        raise ManifestError("cannot read the manifest '%s': %s" % (path, e)) from None
    if not isinstance(root, dict) or root.get("format") != FORMAT:
        raise ManifestError("'%s' is not a tconv kernel manifest (no \"format\": "
                            "\"%s\")" % (path, FORMAT))
    if root.get("version") != VERSION:
        raise ManifestError("the manifest '%s' has version %r; this package reads "
                            "version %d" % (path, root.get("version"), VERSION))
    try:
        kernels = [KernelInfo(entry) for entry in root["kernels"]]
        return root["library"], root["target"], kernels
    except (KeyError, TypeError, ValueError) as e:
        raise ManifestError("the manifest '%s' is malformed: %s"
                            % (path, e if not isinstance(e, KeyError)
                               else "missing %s" % e)) from None
