#include "smtp_sink.h"

#include <netinet/in.h>
#include <openssl/evp.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "support/deadline.h"

namespace oneservice::central::test {

int free_port() {
  const int socket_fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::bind(socket_fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0)
    throw std::runtime_error("cannot bind a loopback port");
  socklen_t length = sizeof address;
  ::getsockname(socket_fd, reinterpret_cast<sockaddr*>(&address), &length);
  ::close(socket_fd);
  return ntohs(address.sin_port);
}

SmtpSink::SmtpSink(const std::string& folder, int port) {
  int out[2];
  if (::pipe(out) != 0) throw std::runtime_error("pipe failed");
  pid_ = ::fork();
  if (pid_ == 0) {
    ::prctl(PR_SET_PDEATHSIG, SIGTERM);  // never outlives a test that crashed
    ::dup2(out[1], STDOUT_FILENO);
    ::close(out[0]);
    ::close(out[1]);
    const std::string script = ONESERVICE_SMTP_SINK;
    const std::string port_text = std::to_string(port);
    ::execl("/usr/bin/python3", "python3", script.c_str(), folder.c_str(), port_text.c_str(), nullptr);
    ::_exit(127);
  }
  ::close(out[1]);
  char buffer[16] = {0};
  const auto n = ::read(out[0], buffer, sizeof buffer - 1);
  ::close(out[0]);
  if (n <= 0 || std::string(buffer).rfind("ready", 0) != 0) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
    throw std::runtime_error("the SMTP sink did not start (is python3-aiosmtpd installed?)");
  }
}

SmtpSink::~SmtpSink() {
  ::kill(pid_, SIGTERM);
  ::waitpid(pid_, nullptr, 0);
}

notify::MailerOptions mailer_options(int port) {
  notify::MailerOptions options;
  options.smtp_url = "smtp://127.0.0.1:" + std::to_string(port);
  options.from = "Wealdshire County Council <no-reply@wealdshire.example>";
  options.public_url = "http://track.wealdshire.example";
  options.poll = std::chrono::milliseconds(20);
  options.first_retry = std::chrono::seconds(0);
  return options;
}

namespace {

std::string decode_base64(const std::string& text) {
  std::string compact;
  for (const char c : text)
    if (c != '\r' && c != '\n') compact += c;
  std::string out(compact.size() / 4 * 3 + 3, '\0');
  const int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(compact.data()), static_cast<int>(compact.size()));
  if (n < 0) return {};
  out.resize(static_cast<std::size_t>(n));
  while (!compact.empty() && compact.back() == '=') {
    compact.pop_back();
    out.pop_back();
  }
  return out;
}

ReceivedMail parse(const std::string& raw) {
  ReceivedMail mail;
  mail.raw = raw;
  const auto split = raw.find("\r\n\r\n");
  const auto head = raw.substr(0, split);
  std::istringstream lines(head);
  std::string line, name;
  while (std::getline(lines, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty() && (line[0] == ' ' || line[0] == '\t')) {
      mail.headers[name] += line;
      continue;
    }
    const auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    name = line.substr(0, colon);
    if (!mail.headers.count(name)) mail.headers[name] = line.substr(colon + 2);
  }
  mail.envelope_to = mail.headers["X-Envelope-To"];
  const auto body = split == std::string::npos ? std::string() : raw.substr(split + 4);
  mail.body = mail.headers["Content-Transfer-Encoding"] == "base64" ? decode_base64(body) : body;
  return mail;
}

}  // namespace

std::vector<ReceivedMail> received_mail(const std::string& folder) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(folder))
    if (entry.path().extension() == ".eml") names.push_back(entry.path().string());
  std::sort(names.begin(), names.end());
  std::vector<ReceivedMail> out;
  for (const auto& name : names) {
    std::ifstream in(name, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    out.push_back(parse(bytes.str()));
  }
  return out;
}

std::vector<ReceivedMail> wait_for_mail(const std::string& folder, std::size_t count) {
  test_support::wait_until([&] { return received_mail(folder).size() >= count; });
  return received_mail(folder);
}

}  // namespace oneservice::central::test
