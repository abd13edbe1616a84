#include "central/open311/xml.h"

#include <pugixml.hpp>
#include <sstream>

namespace oneservice::central::open311 {
namespace {

std::string singular(const std::string& plural) {
  if (plural == "attributes") return "attribute";
  if (plural == "values") return "value";
  if (plural == "endpoints") return "endpoint";
  if (plural == "formats") return "format";
  if (plural == "media_urls") return "media_url";
  if (plural == "shown_when") return "condition";
  if (plural == "any_of") return "key";
  if (plural.size() > 1 && plural.back() == 's') return plural.substr(0, plural.size() - 1);
  return "item";
}

void write_value(pugi::xml_node node, const nlohmann::json& value);

void write_children(pugi::xml_node node, const nlohmann::json& object) {
  for (const auto& [key, value] : object.items()) write_value(node.append_child(key.c_str()), value);
}

void write_value(pugi::xml_node node, const nlohmann::json& value) {
  if (value.is_object()) {
    write_children(node, value);
  } else if (value.is_array()) {
    const std::string child = singular(node.name());
    for (const auto& item : value) write_value(node.append_child(child.c_str()), item);
  } else if (value.is_string()) {
    node.text().set(value.get_ref<const std::string&>().c_str());
  } else if (value.is_boolean()) {
    node.text().set(value.get<bool>() ? "true" : "false");
  } else if (!value.is_null()) {
    node.text().set(value.dump().c_str());  // numbers exactly as JSON writes them
  }
}

}  // namespace

std::string to_xml(const nlohmann::json& document, const std::string& root, const std::string& item) {
  pugi::xml_document xml;
  auto declaration = xml.append_child(pugi::node_declaration);
  declaration.append_attribute("version") = "1.0";
  declaration.append_attribute("encoding") = "utf-8";
  auto top = xml.append_child(root.c_str());
  if (document.is_array()) {
    for (const auto& entry : document) write_value(top.append_child(item.c_str()), entry);
  } else {
    write_children(top, document);
  }
  std::ostringstream out;
  xml.save(out, "", pugi::format_raw);
  return out.str();
}

}  // namespace oneservice::central::open311
