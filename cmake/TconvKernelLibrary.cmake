# tconv_add_kernel_library(<name> SOURCES <file.mlir>... [TARGET <halide-target>]
#                          [EMIT_INIT] [SHARED]
#                          [TUNING_DB <tuning.json> [TUNING_THREADS <n>]])
#
# Compiles every func.func of each .mlir source with tconv-compile at build
# time and gathers the objects into the static library <name>. The generated
# headers (<func>.h) are on the library's include path, and the Halide runtime
# for the target is linked in once. EMIT_INIT adds each func's parameter
# initialization, <func>_init_params.o and .h (tconv-compile --emit=init,
# docs/initialization.md). TUNING_DB builds the kernels it has entries for
# with them (tconv-compile --tuning-db; tconv-tune writes the file), using
# the entries timed with TUNING_THREADS threads (default: the build
# machine's HL_NUM_THREADS or cores; tconv-compile --tuning-threads).
#
# SHARED: instead of the static library, one shared library per source,
# <stem>.so with its manifest <stem>.json (tconv-compile --emit=shared, for
# the Python package, docs/python.md), built by the custom target <name>,
# whose property TCONV_SHARED_LIBRARIES lists the .so paths.
#
# The function names are read from the sources at configure time (tconv-compile
# names each object after its func); editing a source re-runs the configure.
function(tconv_add_kernel_library name)
  cmake_parse_arguments(ARG "EMIT_INIT;SHARED" "TARGET;TUNING_DB;TUNING_THREADS" "SOURCES" ${ARGN})
  if(NOT ARG_SOURCES)
    message(FATAL_ERROR "tconv_add_kernel_library(${name}): no SOURCES given")
  endif()
  if(NOT ARG_TARGET)
    set(ARG_TARGET host)
  endif()
  if(TARGET tconv-compile)
    set(compiler $<TARGET_FILE:tconv-compile>)
    set(compiler_dep tconv-compile)
  elseif(TARGET tconv::tconv-compile) # find_package(tconv): the installed one
    set(compiler $<TARGET_FILE:tconv::tconv-compile>)
    set(compiler_dep $<TARGET_FILE:tconv::tconv-compile>)
  else()
    find_program(TCONV_COMPILE_EXECUTABLE tconv-compile REQUIRED)
    set(compiler ${TCONV_COMPILE_EXECUTABLE})
    set(compiler_dep ${TCONV_COMPILE_EXECUTABLE})
  endif()
  set(emit_args)
  if(ARG_EMIT_INIT)
    set(emit_args --emit=init)
  endif()
  if(ARG_SHARED)
    list(APPEND emit_args --emit=shared)
  endif()
  set(tuning_dep)
  if(ARG_TUNING_DB)
    get_filename_component(ARG_TUNING_DB "${ARG_TUNING_DB}" ABSOLUTE)
    list(APPEND emit_args "--tuning-db=${ARG_TUNING_DB}")
    set(tuning_dep "${ARG_TUNING_DB}")
    if(ARG_TUNING_THREADS)
      list(APPEND emit_args "--tuning-threads=${ARG_TUNING_THREADS}")
    endif()
  elseif(ARG_TUNING_THREADS)
    message(FATAL_ERROR "tconv_add_kernel_library(${name}): TUNING_THREADS "
                        "needs TUNING_DB")
  endif()

  set(objects)
  set(shared_libraries)
  set(include_dirs)
  set(runtime)
  foreach(source IN LISTS ARG_SOURCES)
    get_filename_component(source "${source}" ABSOLUTE)
    get_filename_component(stem "${source}" NAME_WE)
    set(outdir "${CMAKE_CURRENT_BINARY_DIR}/${name}.kernels/${stem}")
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${source}")
    file(READ "${source}" text)
    string(REGEX MATCHALL "func\\.func[ \t]+(public[ \t]+|private[ \t]+)?@[A-Za-z_][A-Za-z0-9_]*"
           decls "${text}")
    set(outputs "${outdir}/halide_runtime.o")
    if(ARG_SHARED)
      list(APPEND outputs "${outdir}/${stem}.so" "${outdir}/${stem}.json")
      list(APPEND shared_libraries "${outdir}/${stem}.so")
    endif()
    foreach(decl IN LISTS decls)
      string(REGEX REPLACE ".*@" "" func "${decl}")
      list(APPEND outputs "${outdir}/${func}.o" "${outdir}/${func}.h")
      list(APPEND objects "${outdir}/${func}.o")
      if(ARG_EMIT_INIT)
        list(APPEND outputs "${outdir}/${func}_init_params.o"
                            "${outdir}/${func}_init_params.h")
        list(APPEND objects "${outdir}/${func}_init_params.o")
      endif()
    endforeach()
    add_custom_command(
      OUTPUT ${outputs}
      COMMAND ${compiler} "${source}" -o "${outdir}" --target=${ARG_TARGET}
              ${emit_args}
      DEPENDS "${source}" ${compiler_dep} ${tuning_dep}
      COMMENT "tconv-compile ${stem}.mlir (${ARG_TARGET})"
      VERBATIM)
    list(APPEND include_dirs "${outdir}")
    if(NOT runtime)
      set(runtime "${outdir}/halide_runtime.o")
    endif()
  endforeach()

  if(ARG_SHARED)
    add_custom_target(${name} ALL DEPENDS ${shared_libraries})
    set_target_properties(${name} PROPERTIES
      TCONV_SHARED_LIBRARIES "${shared_libraries}")
    return()
  endif()

  set_source_files_properties(${objects} ${runtime} PROPERTIES
    EXTERNAL_OBJECT TRUE GENERATED TRUE)
  add_library(${name} STATIC ${objects} ${runtime})
  set_target_properties(${name} PROPERTIES LINKER_LANGUAGE C)
  # The generated headers include HalideRuntime.h.
  find_path(TCONV_HALIDE_RUNTIME_INCLUDE_DIR HalideRuntime.h
            PATH_SUFFIXES halide14 REQUIRED)
  target_include_directories(${name} PUBLIC ${include_dirs}
                             ${TCONV_HALIDE_RUNTIME_INCLUDE_DIR})
  find_package(Threads REQUIRED)
  target_link_libraries(${name} PUBLIC Threads::Threads ${CMAKE_DL_LIBS})
endfunction()
