# lda_config: the one INTERFACE target every project target links. It carries the language level,
# the warnings and the Qt strictness defines (see docs/STYLE in the design notes).
add_library(lda_config INTERFACE)
target_compile_features(lda_config INTERFACE cxx_std_20)
target_compile_definitions(lda_config INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_CAST_FROM_BYTEARRAY
    QT_USE_QSTRINGBUILDER
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_FOREACH
    QT_NO_KEYWORDS
    QT_DISABLE_DEPRECATED_UP_TO=0x060400
    LDA_VERSION="${PROJECT_VERSION}"
    LDA_APP_NAME="${LDA_APP_NAME}"
    LDA_EXE_NAME="${LDA_EXE_NAME}"
    LDA_APP_ID="${LDA_APP_ID}"
    LDA_DATA_SUBDIR="${LDA_DATA_SUBDIR}"
    LDA_PLUGIN_SUBDIR="${LDA_PLUGIN_SUBDIR}")
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(lda_config INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
        -Wold-style-cast -Wcast-align -Woverloaded-virtual -Wformat=2)
    if(LDA_WARNINGS_AS_ERRORS)
        target_compile_options(lda_config INTERFACE -Werror)
    endif()
    if(LDA_SANITIZE)
        target_compile_options(lda_config INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer)
        target_link_options(lda_config INTERFACE -fsanitize=address,undefined)
    endif()
endif()
