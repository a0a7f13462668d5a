//
// BMS Guard: the target header nf-interpreter's GpioPin native includes, as the ESP32 target has it
// (targets/ESP32/_nanoCLR/System.Device.Gpio/sys_dev_gpio_native_target.h), for tools/nanoclr/mcp.
//

#ifndef SYS_DEV_GPIO_NATIVE_TARGET_H
#define SYS_DEV_GPIO_NATIVE_TARGET_H

#include <sys_dev_gpio_native.h>

#endif // SYS_DEV_GPIO_NATIVE_TARGET_H
