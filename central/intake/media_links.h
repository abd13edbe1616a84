#pragma once
// Photo links a client sends instead of files (Open311 media_url): kept on
// the case or update as sent, shown back in GET requests. Only web links,
// bounded in number and length (central/intake/limits.h).
#include <optional>
#include <string>
#include <vector>

namespace oneservice::central {

// nullopt when every link is acceptable; otherwise the message to send back.
std::optional<std::string> media_link_problem(const std::vector<std::string>& links);

}  // namespace oneservice::central
