# Given to CMake as -DCMAKE_PROJECT_TOP_LEVEL_INCLUDES=packaging/macos/no-agl.cmake by the macOS job of
# .github/workflows/package.yml. Qt 6.4's FindWrapOpenGL links the AGL framework, which the macOS SDK of Xcode 26
# no longer has ("ld: framework 'AGL' not found", QTBUG-137687). Qt's module returns early when its target exists,
# so defining it first, with OpenGL alone, is all it takes.
if(APPLE AND NOT TARGET WrapOpenGL::WrapOpenGL)
    add_library(WrapOpenGL::WrapOpenGL INTERFACE IMPORTED)
    target_link_libraries(WrapOpenGL::WrapOpenGL INTERFACE "-framework OpenGL")
endif()
