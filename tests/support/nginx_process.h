#pragma once
// The real nginx (Debian's /usr/sbin/nginx) running deploy/nginx's shipped
// site config in front of oneservice-central instances, as a child process
// with its own prefix, config, pid and temp paths in a test's folder, on a
// free loopback port. Only the lines that name the machine are swapped: the
// listen address, the TLS snippet's path and the upstream servers; every
// limit and timeout is the shipped one. A shipped line it expects and does
// not find is an error, so a changed config cannot go untested silently.
#include <sys/types.h>

#include <string>
#include <vector>

namespace oneservice::test_support {

struct NginxOptions {
  std::vector<int> upstream_ports;  // oneservice-central instances on 127.0.0.1
  // Both set: HTTPS with this certificate (the shipped TLS snippet, its
  // placeholder paths replaced); empty: plain HTTP on the same server block.
  std::string tls_cert, tls_key;
};

class NginxProcess {
 public:
  NginxProcess(const std::string& folder, const NginxOptions& options);
  ~NginxProcess();  // SIGTERM (nginx's fast shutdown), then reaped
  NginxProcess(const NginxProcess&) = delete;
  NginxProcess& operator=(const NginxProcess&) = delete;

  int port() const { return port_; }

 private:
  pid_t pid_ = -1;
  int port_ = 0;
};

}  // namespace oneservice::test_support
