#pragma once
// The kiosk's config file (--config FILE, JSON): read into KioskOptions, with
// a message naming the file and the setting for anything it cannot use.
#include <string>

#include "kiosk/options.h"

namespace oneservice::kiosk {

// Reads the file into options; returns an error message or "".
std::string apply_config_file(const std::string& path, KioskOptions& options);

// The same for the file's text (path only names it in messages).
std::string apply_config_text(const std::string& text, const std::string& path, KioskOptions& options);

}  // namespace oneservice::kiosk
