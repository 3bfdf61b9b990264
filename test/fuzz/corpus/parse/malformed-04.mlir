this is not mlir
