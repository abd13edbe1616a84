#include "central/open311/form_parts.h"

#include <httplib.h>

#include <algorithm>
#include <cctype>
#include <string>

#include "shared/media_type.h"

namespace oneservice::central::open311 {
namespace {

// The part name our own devices use for photos.
constexpr const char* kMediaPart = "media";

bool is_file(const httplib::MultipartFormData& part) {
  if (!part.filename.empty()) return true;
  if (part.content_type.empty()) return false;
  std::string type;
  for (const char c : part.content_type) type += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return type.rfind("text/", 0) != 0;
}

// "photo2" sorts before "photo10": names compared with their trailing
// number as a number.
bool sent_before(const std::string& a, const std::string& b) {
  const auto split = [](const std::string& name) {
    auto digits = name.size();
    while (digits > 0 && std::isdigit(static_cast<unsigned char>(name[digits - 1]))) --digits;
    return std::pair{name.substr(0, digits), name.substr(digits)};
  };
  const auto [a_stem, a_number] = split(a);
  const auto [b_stem, b_number] = split(b);
  if (a_stem != b_stem) return a_stem < b_stem;
  if (a_number.size() != b_number.size()) return a_number.size() < b_number.size();
  return a_number < b_number;
}

}  // namespace

std::vector<std::string_view> PostedForm::photo_views() const { return {photos.begin(), photos.end()}; }

PostedForm read_form(const httplib::Request& req, const httplib::ContentReader& content) {
  PostedForm form;
  for (const auto& [name, value] : req.params) form.fields.emplace(name, value);
  if (!req.is_multipart_form_data()) {
    std::string body;
    content([&](const char* data, std::size_t size) {
      body.append(data, size);
      return true;
    });
    if (req.get_header_value("Content-Type").find("application/x-www-form-urlencoded") == 0) {
      httplib::Params params;
      httplib::detail::parse_query_text(body, params);
      for (auto& [name, value] : params) form.fields.emplace(name, std::move(value));
    }
    return form;
  }

  httplib::MultipartFormDataItems parts;
  content(
      [&](const httplib::MultipartFormData& header) {
        parts.push_back(header);
        return true;
      },
      [&](const char* data, std::size_t size) {
        parts.back().content.append(data, size);
        return true;
      });
  std::vector<httplib::MultipartFormData*> files;
  for (auto& part : parts) {
    if (part.name == kMediaPart || is_file(part))
      files.push_back(&part);
    else
      form.fields.emplace(part.name, std::move(part.content));
  }
  std::stable_sort(files.begin(), files.end(),
                   [](const auto* a, const auto* b) { return sent_before(a->name, b->name); });
  for (auto* part : files)
    if (part->name == kMediaPart || image_type(part->content)) form.photos.push_back(std::move(part->content));
  return form;
}

}  // namespace oneservice::central::open311
