#pragma once
// Open311's XML shape from the same JSON documents the .json endpoints send,
// so the two formats cannot drift apart. Arrays become a wrapper element
// holding one element per item, named by Open311's singular ("attributes" ->
// "attribute"); the top-level array is wrapped in the given root and item
// names ("service_requests" / "request").
#include <nlohmann/json.hpp>
#include <string>

namespace oneservice::central::open311 {

std::string to_xml(const nlohmann::json& document, const std::string& root, const std::string& item);

}  // namespace oneservice::central::open311
