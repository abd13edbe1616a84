#pragma once
// Photos an officer brings in from elsewhere on the tablet (a memory card,
// the camera app's folder).
#include <string>
#include <vector>

namespace oneservice::imaging {

// Regular files named *.jpg or *.jpeg in any case, as full paths sorted by
// name, without looking into subfolders; empty when the folder is missing
// or cannot be read.
std::vector<std::string> importable_photos(const std::string& folder);

}  // namespace oneservice::imaging
