#include "central/server.h"

#include <httplib.h>
#include <signal.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <thread>

#include "central/case_store.h"
#include "central/listen_socket.h"
#include "central/i18n/translator.h"
#include "central/open311/api.h"
#include "central/notify/mailer.h"
#include "central/public/site.h"
#include "shared/catalogue_json.h"
#include "shared/routing.h"

namespace oneservice::central {
namespace {

// Bodies carry up to five 5 MB photos; anything bigger is refused before it
// is read.
constexpr std::size_t kMaxBodyBytes = 27 * 1024 * 1024;

}  // namespace

int serve(const ServeOptions& options) {
  // Signals are taken by one thread with sigwait, so the server stops
  // cleanly (the writer drains) instead of dying inside a handler.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  const std::string council_dir = options.assets_dir + "/" + options.council;
  std::optional<Catalogue> catalogue;
  std::optional<Boundaries> boundaries;
  try {
    catalogue = load_catalogue_file(council_dir + "/catalogue.json");
    boundaries = Boundaries::load_file(council_dir + "/boundaries.geojson");
  } catch (const FormatError& error) {
    std::fprintf(stderr, "oneservice-central: %s\n", error.what());
    return 2;
  }
  const auto translators = std::make_unique<i18n::Translators>(options.locale_dir, options.council);
  for (const auto& problem : translators->problems()) std::fprintf(stderr, "oneservice-central: %s\n", problem.c_str());
  std::error_code error;
  std::filesystem::create_directories(options.data_dir, error);
  std::unique_ptr<CaseStore> store;
  try {
    store = std::make_unique<CaseStore>(options.data_dir);
  } catch (const CentralStoreError& failure) {
    std::fprintf(stderr, "oneservice-central: %s\n", failure.what());
    return 2;
  }

  const bool https = !options.tls_cert.empty();
  std::unique_ptr<httplib::Server> server;
  if (https) server = std::make_unique<httplib::SSLServer>(options.tls_cert.c_str(), options.tls_key.c_str());
  else server = std::make_unique<httplib::Server>();
  if (!server->is_valid()) {
    std::fprintf(stderr, "oneservice-central: cannot use the TLS certificate %s and key %s\n",
                 options.tls_cert.c_str(), options.tls_key.c_str());
    return 2;
  }
  const int threads = options.threads;
  server->new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<std::size_t>(threads)); };
  server->set_payload_max_length(kMaxBodyBytes);
  // Devices and the council website keep connections open; httplib's
  // default closes one after 5 requests, which costs a handshake each time.
  server->set_keep_alive_max_count(100000);
  server->set_keep_alive_timeout(30);
  server->set_tcp_nodelay(true);
  open311::Api api(*store, *catalogue, *boundaries, {https});
  api.install(*server);
  const public_pages::Site site{*store, *catalogue, *boundaries, *translators,
                                {options.report_url, options.public_url, https, options.trusted_proxy}, Clock{}};
  public_pages::install_public_pages(*server, site);

  // Port 0 takes any free port (tests run several servers side by side); the
  // line below says which.
  const int port = bind_server(*server, options.host, options.port);
  if (port <= 0) {
    std::fprintf(stderr, "oneservice-central: cannot listen on %s:%d (in use, or not this machine's address)\n",
                 options.host.c_str(), options.port);
    return 2;
  }
  // Emails wait in the store's queue until a relay is configured; the
  // mailer sends them on its own thread, never in a request's path.
  std::unique_ptr<notify::Mailer> mailer;
  if (!options.smtp_url.empty()) {
    notify::MailerOptions mail;
    mail.smtp_url = options.smtp_url;
    mail.from = options.mail_from;
    mail.public_url = options.public_url.empty()
                          ? (https ? "https://" : "http://") + options.host + ":" + std::to_string(port)
                          : options.public_url;
    while (!mail.public_url.empty() && mail.public_url.back() == '/') mail.public_url.pop_back();
    mailer = std::make_unique<notify::Mailer>(site, std::move(mail));
  }
  std::thread stopper([&] {
    int signal_number = 0;
    sigwait(&stop_signals, &signal_number);
    server->stop();
  });
  std::fprintf(stderr, "oneservice-central: serving %s on %s://%s:%d/open311/v2/ (data in %s)\n",
               catalogue->council_name.c_str(), https ? "https" : "http", options.host.c_str(), port,
               options.data_dir.c_str());
  server->listen_after_bind();
  // listen returned: either a signal stopped it, or it failed; make sure the
  // stopper thread ends in both cases.
  pthread_kill(stopper.native_handle(), SIGTERM);
  stopper.join();
  mailer.reset();
  return 0;
}

}  // namespace oneservice::central
