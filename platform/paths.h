#pragma once
#include <string>

namespace oneservice::platform {

// Where the kiosk keeps its outbox when no --data is given:
// $XDG_DATA_HOME/oneservice, else ~/.local/share/oneservice.
std::string default_data_dir();

}  // namespace oneservice::platform
