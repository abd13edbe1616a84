#pragma once
// The photo rules every POST that carries photos applies (a create, an
// update): count, size and kind, judged before any of them is written.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace oneservice::central {

// nullopt when the photos may be stored; otherwise the message to send back.
std::optional<std::string> photo_problem(const std::vector<std::string_view>& photos);

}  // namespace oneservice::central
