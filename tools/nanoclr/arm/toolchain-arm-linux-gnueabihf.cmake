# Cross-builds nf-interpreter's targets/posix nanoCLR for 32-bit ARM Linux (Debian's
# arm-linux-gnueabihf toolchain) so that tools/nanoclr/armcount.py can count the interpreter's
# executed Thumb-2 instructions under qemu-arm. The code generation mirrors nanoFramework's own
# STM32F7 firmware (CMake/Modules/CHIBIOS_STM32F7xx_GCC_options.cmake and the MinSizeRel options of
# CMake/binutils.ChibiOS.cmake / binutils.common.cmake): Cortex-M7, Thumb-2, single-precision FPU,
# -Os with link-time optimisation and the same link-time optimisation flags. What a Linux user-mode
# build cannot share with the firmware: glibc and libstdc++ (armv7-a builds) instead of newlib-nano
# and ChibiOS, -nostdlib/-nostartfiles and the linker script; the nanoCLR is linked statically so
# that, as on the board, its code is not position independent and calls no PLT.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR arm)
set(CMAKE_C_COMPILER arm-linux-gnueabihf-gcc)
set(CMAKE_CXX_COMPILER arm-linux-gnueabihf-g++)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# The firmware's nf_set_compile_options() for STM32F7xx, less the warning flags (-Wall -Wextra
# -Werror ...; they change no code) and -nostdlib (glibc is the C library here). -fno-pie: Debian's
# compiler defaults to position-independent executables, the firmware is not.
set(_NF_ARM_CPU "-mthumb -mcpu=cortex-m7 -mfpu=fpv5-sp-d16 -mfloat-abi=hard -mabi=aapcs")
set(_NF_ARM_COMMON "${_NF_ARM_CPU} -fshort-wchar -fno-builtin -fno-common -mno-long-calls -fno-exceptions -fcheck-new -fno-pie")
set(CMAKE_C_FLAGS_INIT "${_NF_ARM_COMMON}")
set(CMAKE_CXX_FLAGS_INIT "${_NF_ARM_COMMON}")

# MinSizeRel as the firmware (nf_set_optimization_options): -Os -flto; CMake appends its own
# MinSizeRel default (-Os -DNDEBUG) as it does for the firmware. The runner configures the posix
# CMakeLists with CMAKE_BUILD_TYPE=MinSizeRel.
set(CMAKE_C_FLAGS_MINSIZEREL_INIT "-Os -flto")
set(CMAKE_CXX_FLAGS_MINSIZEREL_INIT "-Os -flto")
# Release as the firmware's (DEVICETESTS_ARM_BUILD=Release): -O3 -flto at compile time. CMake's own
# Release default (-O3 -DNDEBUG) is appended as for the firmware.
set(CMAKE_C_FLAGS_RELEASE_INIT "-O3 -flto")
set(CMAKE_CXX_FLAGS_RELEASE_INIT "-O3 -flto")

# The firmware's link options (nf_set_link_options for Release/MinSizeRel): LTO re-optimises the
# whole program at link time with these flags. --no-warn-mismatch: the objects are built for the
# M profile (Cortex-M7) and the C library for the A profile; ld refuses to merge the two
# profiles' attributes otherwise. The M-profile Thumb-2 code runs unchanged on qemu-arm's
# A-profile CPU (ARMv7-M Thumb-2 is a subset of the A profile's, with the same encodings).
set(_NF_ARM_LINK "${_NF_ARM_CPU} -static -no-pie -Wl,--no-warn-mismatch -Wl,--no-wchar-size-warning")
set(_NF_ARM_LTO_LINK "-Os -flto -fuse-linker-plugin -fstrict-aliasing -fomit-frame-pointer -fno-unroll-loops -frounding-math -fsignaling-nans -ffloat-store -fno-math-errno -ftree-vectorize -fno-default-inline -finline-functions-called-once -fno-defer-pop")
set(CMAKE_EXE_LINKER_FLAGS_INIT "${_NF_ARM_LINK}")
set(CMAKE_EXE_LINKER_FLAGS_MINSIZEREL_INIT "${_NF_ARM_LTO_LINK}")
# nf_set_link_options gives Release the same link options, -Os included.
set(CMAKE_EXE_LINKER_FLAGS_RELEASE_INIT "${_NF_ARM_LTO_LINK}")
# Cortex-M7 has no 64-bit exclusive load/store: the posix glue's std::atomic<uint64_t> timer
# generations call libatomic (the firmware has no such counters).
set(CMAKE_CXX_STANDARD_LIBRARIES "-latomic")
