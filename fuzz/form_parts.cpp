// read_form: a POST body as central reads it (httplib's urlencoded and
// multipart parsing, then the split into fields and photos), the fields then
// read as a report (read_post_fields) and as an update (read_update_fields
// and the staff hook). Input: the Content-Type header, NUL, the body.
// httplib parses inside its server, so the target runs one on loopback, as
// oneservice-central does, and posts each input to it.
#include <httplib.h>

#include <cstdlib>
#include <thread>

#include "central/open311/form_parts.h"
#include "central/open311/post_fields.h"
#include "central/open311/update_fields.h"
#include "fuzz/fuzz_target.h"

namespace {

using namespace oneservice::central::open311;

class LoopbackServer {
 public:
  LoopbackServer() {
    server_.Post("/form", [](const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& content) {
      const auto form = read_form(req, content);
      read_post_fields(form.fields);
      auto update = read_update_fields(form.fields);
      read_staff_fields(form.fields, update);
      res.set_content(std::to_string(form.photos.size()), "text/plain");
    });
    // An exception escaping the readers is a crash, not an HTTP 500.
    server_.set_exception_handler([](const httplib::Request&, httplib::Response&, std::exception_ptr) { std::abort(); });
    port_ = server_.bind_to_any_port("127.0.0.1");  // listening from here on
    if (port_ <= 0) std::abort();
    thread_ = std::thread([this] { server_.listen_after_bind(); });
  }
  LoopbackServer(const LoopbackServer&) = delete;
  LoopbackServer& operator=(const LoopbackServer&) = delete;
  ~LoopbackServer() {
    server_.stop();
    thread_.join();
  }
  int port() const { return port_; }

 private:
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static LoopbackServer server;
  static httplib::Client client("127.0.0.1", server.port());
  std::string body = oneservice::fuzz::as_text(data, size);
  const std::string content_type = oneservice::fuzz::take_part(body);
  // Header values cannot hold line breaks; httplib would refuse to send them.
  if (content_type.find_first_of("\r\n") != std::string::npos) return 0;
  const auto result = client.Post("/form", body, content_type.c_str());
  if (!result) std::abort();  // the server went away
  return 0;
}
