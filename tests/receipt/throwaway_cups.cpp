#include "throwaway_cups.h"

#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>

#include "pdf_tools.h"

extern char** environ;

namespace oneservice::receipt::test {
namespace {

constexpr const char* kCupsd = "/usr/sbin/cupsd";

// A PPD with one filter, /bin/cat, from PDF to PDF: cupsd sends a raw
// queue's job to no program at all and so writes no file, and cat passes
// the document through as it came (it also reads its other arguments as
// file names, finds none and says so in the job's log, which is harmless).
constexpr const char* kPassThroughPpd = R"PPD(*PPD-Adobe: "4.3"
*FormatVersion: "4.3"
*FileVersion: "1.0"
*LanguageVersion: English
*LanguageEncoding: ISOLatin1
*PCFileName: "PASS.PPD"
*Manufacturer: "oneservice"
*Product: "(receipt test)"
*ModelName: "oneservice receipt test"
*ShortNickName: "oneservice receipt test"
*NickName: "oneservice receipt test"
*PSVersion: "(3010.000) 0"
*LanguageLevel: "3"
*ColorDevice: False
*DefaultColorSpace: Gray
*FileSystem: False
*Throughput: "1"
*cupsFilter2: "application/pdf application/pdf 0 /bin/cat"
*OpenUI *PageSize/Page Size: PickOne
*DefaultPageSize: A4
*PageSize A4/A4: ""
*CloseUI: *PageSize
*DefaultImageableArea: A4
*ImageableArea A4: "0 0 595 842"
*DefaultPaperDimension: A4
*PaperDimension A4: "595 842"
)PPD";

bool answers(const std::string& socket_path) {
  const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
  if (fd < 0) return false;
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  std::strncpy(address.sun_path, socket_path.c_str(), sizeof address.sun_path - 1);
  const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  ::close(fd);
  return ok;
}

}  // namespace

ThrowawayCups::ThrowawayCups() : socket_(folder_.file("cups.sock")) { start(); }

ThrowawayCups::~ThrowawayCups() {
  if (pid_ > 0) {
    ::kill(pid_, SIGTERM);
    int status = 0;
    ::waitpid(pid_, &status, 0);
  }
}

void ThrowawayCups::start() {
  if (::access(kCupsd, X_OK) != 0) {
    unavailable_ = std::string(kCupsd) + " is not installed (Debian package cups)";
    return;
  }
  const std::string root = folder_.path();
  for (const char* sub : {"conf", "spool", "cache", "state", "log", "tmp"}) std::filesystem::create_directory(root + "/" + sub);
  // cupsd checks that its folders are not writable by others.
  for (const char* sub : {"", "/conf", "/log", "/tmp"}) ::chmod((root + sub).c_str(), 0755);
  write_file(root + "/cupsd.conf",
             "Listen " + socket_ + "\nLogLevel info\nErrorLog " + root + "/log/error_log\n" +
                 "Browsing No\nWebInterface No\nDefaultAuthType None\n"
                 // Anyone on the socket may do anything: only this test can reach it.
                 "<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
                 "<Policy default>\n  JobPrivateAccess all\n  JobPrivateValues none\n"
                 "  SubscriptionPrivateAccess all\n  SubscriptionPrivateValues none\n"
                 "  <Limit All>\n    Order deny,allow\n  </Limit>\n</Policy>\n");
  write_file(root + "/cups-files.conf",
             "ServerRoot " + root + "/conf\nRequestRoot " + root + "/spool\nCacheDir " + root + "/cache\nStateDir " +
                 root + "/state\nTempDir " + root + "/tmp\nErrorLog " + root + "/log/error_log\nAccessLog " + root +
                 "/log/access_log\nPageLog " + root + "/log/page_log\n" +
                 "FileDevice Yes\nServerBin /usr/lib/cups\nDataDir /usr/share/cups\n");
  write_file(root + "/pass.ppd", kPassThroughPpd);

  const std::string conf = root + "/cupsd.conf", files = root + "/cups-files.conf";
  const char* argv[] = {kCupsd, "-f", "-c", conf.c_str(), "-s", files.c_str(), nullptr};
  if (posix_spawn(&pid_, kCupsd, nullptr, nullptr, const_cast<char**>(argv), environ) != 0) {
    pid_ = -1;
    unavailable_ = "cupsd could not be started";
    return;
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!answers(socket_)) {
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      unavailable_ = "cupsd exited at start (" + error_log_tail() + ")";
      return;
    }
    if (std::chrono::steady_clock::now() > deadline) {
      unavailable_ = "cupsd did not open its socket within 10 s (" + error_log_tail() + ")";
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  if (!command("lpadmin -p test -E -v file://" + output_file() + " -P " + root + "/pass.ppd"))
    unavailable_ = "lpadmin could not add the test printer (" + error_log_tail() + ")";
}

bool ThrowawayCups::command(const std::string& program_and_arguments) const {
  // -h before the rest: every CUPS command takes the server first.
  const auto space = program_and_arguments.find(' ');
  const std::string line = program_and_arguments.substr(0, space) + " -h " + socket_ +
                           (space == std::string::npos ? "" : program_and_arguments.substr(space)) + " 2>&1";
  try {
    output_of(line);
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

std::string ThrowawayCups::error_log_tail() const {
  std::ifstream in(folder_.file("log/error_log"));
  const std::string log(std::istreambuf_iterator<char>(in), {});
  return log.size() > 400 ? log.substr(log.size() - 400) : log.empty() ? "no error_log" : log;
}

}  // namespace oneservice::receipt::test
