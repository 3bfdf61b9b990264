//===- tconv-opt.cpp - The tconv pass driver ------------------------------===//
//
// mlir-opt with the tconv dialect and passes: -split-input-file,
// -verify-diagnostics, --pass-pipeline and the rest behave as in mlir-opt.
//
//===----------------------------------------------------------------------===//

#include "tconv/Dialect/Tconv/IR/TconvDialect.h"
#include "tconv/Dialect/Tconv/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "mlir/Transforms/Passes.h"

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  registry.insert<mlir::tconv::TconvDialect, mlir::func::FuncDialect,
                  mlir::arith::ArithDialect, mlir::math::MathDialect,
                  mlir::tensor::TensorDialect>();
  mlir::tconv::registerTconvPasses();
  mlir::registerCanonicalizerPass();
  mlir::registerCSEPass();

  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv, "tconv optimizer driver\n", registry));
}
