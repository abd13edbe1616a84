#include "support/nginx_process.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "support/deadline.h"

namespace oneservice::test_support {
namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

void write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + path);
}

// Replaces the one line holding `shipped` (after its indentation) with
// `line`, or removes it when `line` is empty.
void swap_line(std::string& config, const std::string& shipped, const std::string& line) {
  const auto at = config.find(shipped);
  if (at == std::string::npos) throw std::runtime_error("the shipped nginx config has no line \"" + shipped + "\"");
  const auto start = config.rfind('\n', at) + 1;
  const auto end = config.find('\n', at);
  config.replace(start, end - start, line.empty() ? "" : std::string(at - start, ' ') + line);
}

// A port nobody holds now (nginx binds it a moment later; loopback only).
int free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t size = sizeof address;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size) != 0) {
    ::close(fd);
    throw std::runtime_error("no free loopback port");
  }
  ::close(fd);
  return ntohs(address.sin_port);
}

bool accepts(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const bool connected = ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  ::close(fd);
  return connected;
}

std::string site_config(const std::string& folder, const NginxOptions& options, int port) {
  auto site = read_file(std::string(ONESERVICE_DEPLOY_DIR) + "/nginx/oneservice-central.conf");
  const bool tls = !options.tls_cert.empty();
  swap_line(site, "listen 443 ssl;", "listen 127.0.0.1:" + std::to_string(port) + (tls ? " ssl;" : ";"));
  swap_line(site, "listen [::]:443 ssl;", "");
  std::string tls_line;
  if (tls) {
    auto snippet = read_file(std::string(ONESERVICE_DEPLOY_DIR) + "/nginx/oneservice-tls.conf");
    swap_line(snippet, "ssl_certificate     /etc/ssl/oneservice/fullchain.pem;", "ssl_certificate " + options.tls_cert + ";");
    swap_line(snippet, "ssl_certificate_key /etc/ssl/oneservice/privkey.pem;",
              "ssl_certificate_key " + options.tls_key + ";");
    write_file(folder + "/tls.conf", snippet);
    tls_line = "include " + folder + "/tls.conf;";
  }
  swap_line(site, "include /etc/nginx/snippets/oneservice-tls.conf;", tls_line);
  std::string servers;
  for (const int upstream : options.upstream_ports)
    servers += (servers.empty() ? "" : "\n    ") + std::string("server 127.0.0.1:") + std::to_string(upstream) + ";";
  swap_line(site, "server 127.0.0.1:8311 ", servers);
  swap_line(site, "server 127.0.0.1:8312 ", "");
  return site;
}

}  // namespace

NginxProcess::NginxProcess(const std::string& folder, const NginxOptions& options) {
  std::filesystem::create_directories(folder);
  port_ = free_port();
  write_file(folder + "/site.conf", site_config(folder, options, port_));
  // The main context as README tells a council to set it (room for a
  // county's devices); workers as root only because the test is root (its
  // temporary folder is not open to nobody).
  write_file(folder + "/nginx.conf",
             std::string(::geteuid() == 0 ? "user root;\n" : "") +
                 "daemon off;\nworker_processes 1;\nworker_rlimit_nofile 16384;\n"
                 "pid " + folder + "/nginx.pid;\nerror_log " + folder + "/error.log warn;\n"
                 "events { worker_connections 8192; }\n"
                 "http {\n  access_log off;\n"
                 "  client_body_temp_path " + folder + "/client_body;\n  proxy_temp_path " + folder + "/proxy;\n"
                 "  fastcgi_temp_path " + folder + "/fastcgi;\n  uwsgi_temp_path " + folder + "/uwsgi;\n"
                 "  scgi_temp_path " + folder + "/scgi;\n  include " + folder + "/site.conf;\n}\n");
  const std::string log = folder + "/nginx.log";
  pid_ = fork();
  if (pid_ == 0) {
    const int log_fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(log_fd, 1);
    dup2(log_fd, 2);
    execl(ONESERVICE_NGINX, ONESERVICE_NGINX, "-p", folder.c_str(), "-c", (folder + "/nginx.conf").c_str(), nullptr);
    _exit(127);
  }
  int status = 0;
  bool exited = false;
  const bool up = wait_until([&] {
    exited = waitpid(pid_, &status, WNOHANG) == pid_;
    return exited || accepts(port_);
  });
  if (!up || exited) {
    if (!exited) {
      ::kill(pid_, SIGKILL);
      waitpid(pid_, &status, 0);
    }
    pid_ = -1;
    std::string said;
    try {
      said = read_file(log) + read_file(folder + "/error.log");
    } catch (const std::exception&) {
    }
    throw std::runtime_error("nginx did not start: " + said);
  }
}

NginxProcess::~NginxProcess() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGTERM);
  int status = 0;
  if (!wait_until([&] { return waitpid(pid_, &status, WNOHANG) == pid_; })) {
    ::kill(pid_, SIGKILL);
    waitpid(pid_, &status, 0);
  }
}

}  // namespace oneservice::test_support
