//===- TconvInterfaces.td - tconv op interfaces ------------*- tablegen -*-===//

#ifndef TCONV_INTERFACES_TD
#define TCONV_INTERFACES_TD

include "mlir/IR/OpBase.td"

def Tconv_ConvTransposeLikeOpInterface
    : OpInterface<"ConvTransposeLikeOpInterface"> {
  let description = [{
    A transposed convolution whose parameters, as written in its flavor,
    reduce to the canonical op's: per spatial dimension a stride, a dilation
    and explicit padding, plus the group count. Implemented by all four tconv
    ops; the normalizer and tconv-compile read the canonical form through it
    instead of re-deriving pads from the flavor's attributes.
  }];
  let cppNamespace = "::mlir::tconv";
  let methods = [
    InterfaceMethod<[{
        Returns the parameters resolved per spatial dimension (defaults
        filled in) and reduced to canonical padding, computed by the code
        that verifies the op. The op must be verified.
      }],
      "::mlir::tconv::CanonicalConvTranspose", "getCanonicalForm">,
  ];
}

#endif // TCONV_INTERFACES_TD
