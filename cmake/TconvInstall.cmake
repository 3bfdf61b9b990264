# `cmake --install` (docs/install.md): the tools (their own install() rules in
# tools/*/CMakeLists.txt), the code generator's C++ API, and the CMake package
# <prefix>/lib/cmake/tconv that gives find_package(tconv) and
# tconv_add_kernel_library().
#
# The C++ API installed is the part that is plain C++: TconvSupport (padding and
# length arithmetic, MindSpore's initializer names) and TconvCodegen
# (KernelCompiler.h: a ConvTransposeSpec in, a Halide AOT kernel out), as
# tconv::TconvSupport and tconv::TconvCodegen. The dialect's headers are not
# installed: they need the generated .h.inc files, the dialect libraries and an
# MLIR 22 + LLVM 22 consumer build, which a user embedding the dialect is
# better served by building from source.

include(CMakePackageConfigHelpers)

set(TCONV_INSTALL_CMAKEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/tconv)

install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/tconv/Support
                  ${PROJECT_SOURCE_DIR}/include/tconv/Codegen
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/tconv
        FILES_MATCHING PATTERN "*.h")

install(TARGETS TconvSupport TconvCodegen EXPORT tconvTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

# A sanitizer build installs instrumented archives; whoever links them needs
# the sanitizer runtimes too.
if(TCONV_SANITIZE)
  target_link_options(TconvSupport INTERFACE
    $<INSTALL_INTERFACE:-fsanitize=address,undefined>)
endif()

# tconvTargets.cmake finds its files relative to its own location, so the
# installed prefix can be moved.
install(EXPORT tconvTargets NAMESPACE tconv::
        DESTINATION ${TCONV_INSTALL_CMAKEDIR})

configure_package_config_file(
  ${PROJECT_SOURCE_DIR}/cmake/tconvConfig.cmake.in
  ${PROJECT_BINARY_DIR}/cmake/tconvConfig.cmake
  INSTALL_DESTINATION ${TCONV_INSTALL_CMAKEDIR})
# SameMinorVersion: 0.x releases make no compatibility promise across minors.
write_basic_package_version_file(
  ${PROJECT_BINARY_DIR}/cmake/tconvConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES
  ${PROJECT_BINARY_DIR}/cmake/tconvConfig.cmake
  ${PROJECT_BINARY_DIR}/cmake/tconvConfigVersion.cmake
  ${PROJECT_SOURCE_DIR}/cmake/TconvKernelLibrary.cmake
  DESTINATION ${TCONV_INSTALL_CMAKEDIR})
