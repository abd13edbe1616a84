#include "fixmystreet_wire.h"

#include <pugixml.hpp>

namespace oneservice::central::test {
namespace {

std::string escape(const std::string& text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (const unsigned char c : text) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
        c == '_' || c == '~')
      out += static_cast<char>(c);
    else if (c == ' ')
      out += '+';
    else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

WireAnswer answer_of(const httplib::Result& result) {
  if (!result) return {0, "no answer: " + httplib::to_string(result.error())};
  return {result->status, result->body};
}

httplib::Client client_for(int port) {
  httplib::Client client("127.0.0.1", port);
  client.set_read_timeout(30);
  return client;
}

}  // namespace

std::string urlencoded(const Params& params) {
  std::string body;
  for (const auto& [name, value] : params) body += (body.empty() ? "" : "&") + escape(name) + "=" + escape(value);
  return body;
}

std::string form_data(const Params& params, const std::vector<Upload>& uploads) {
  std::string body;
  for (const auto& [name, value] : params)
    body += std::string("--") + kBoundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value +
            "\r\n";
  for (const auto& upload : uploads) {
    body += std::string("--") + kBoundary + "\r\nContent-Disposition: form-data; name=\"" + upload.name + "\"";
    if (!upload.filename.empty()) body += "; filename=\"" + upload.filename + "\"";
    body += "\r\n";
    if (!upload.content_type.empty()) body += "Content-Type: " + upload.content_type + "\r\n";
    body += "\r\n" + upload.content + "\r\n";
  }
  return body + "--" + kBoundary + "--\r\n";
}

WireAnswer post_urlencoded(int port, const std::string& path, const Params& params) {
  auto client = client_for(port);
  return answer_of(client.Post(path.c_str(), urlencoded(params), "application/x-www-form-urlencoded"));
}

WireAnswer post_form_data(int port, const std::string& path, const Params& params, const std::vector<Upload>& uploads) {
  auto client = client_for(port);
  return answer_of(client.Post(path.c_str(), form_data(params, uploads),
                               std::string("multipart/form-data; boundary=") + kBoundary));
}

WireAnswer get_path(int port, const std::string& path) {
  auto client = client_for(port);
  return answer_of(client.Get(path.c_str()));
}

std::string fms_read(const std::string& xml, const std::string& root, const std::string& item, const std::string& field) {
  pugi::xml_document doc;
  if (!doc.load_string(xml.c_str())) return {};
  const auto top = doc.document_element();
  if (std::string(top.name()) != root) return {};
  const auto first = top.child(item.c_str());
  const auto value = first.child(field.c_str());
  if (!value || value.first_attribute()) return {};
  for (const auto child : value.children())
    if (child.type() == pugi::node_element) return {};
  return value.text().get();
}

std::vector<std::string> fms_errors(const std::string& xml) {
  pugi::xml_document doc;
  std::vector<std::string> out;
  if (!doc.load_string(xml.c_str()) || std::string(doc.document_element().name()) != "errors") return out;
  for (const auto error : doc.document_element().children("error"))
    out.push_back(std::string(error.child("code").text().get()) + ": " + error.child("description").text().get());
  return out;
}

std::string jpeg(const std::string& tail) { return std::string("\xFF\xD8\xFF\xE0\0\x10JFIF\0", 11) + tail; }

}  // namespace oneservice::central::test
