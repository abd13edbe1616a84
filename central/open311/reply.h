#pragma once
// How every Open311 endpoint answers: a JSON document, or its XML twin
// (to_xml) under the given root and item names; errors as Open311's list.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace httplib {
struct Response;
}  // namespace httplib

namespace oneservice::central::open311 {

std::string content_type(const std::string& format);  // format: "json" or "xml"

void reply(httplib::Response& res, const std::string& format, int status, const nlohmann::json& document,
           const std::string& root, const std::string& item);

// Open311's error list ("errors" / "error"), one entry per message.
void fail(httplib::Response& res, const std::string& format, int status, const std::vector<std::string>& messages);

}  // namespace oneservice::central::open311
