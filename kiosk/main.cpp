// oneservice-kiosk: the full-screen kiosk on the bundled demo council, or
// on the council and data folder it is given.
#include <SDL.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "kiosk/app.h"
#include "kiosk/field/field_links.h"
#include "kiosk/field/photo_devices.h"
#include "kiosk/startup.h"
#include "platform/gps/gps_reader.h"
#include "sync/sync_engine.h"
#include "platform/image.h"
#include "platform/imgui_host.h"
#include "platform/process_age.h"
#include "platform/sdl_window.h"
#include "platform/speech.h"

using namespace oneservice;

int main(int argc, char** argv) {
  const std::vector<std::string> arguments(argv + 1, argv + argc);
  const auto parsed = kiosk::parse_options(arguments);
  if (parsed.help) {
    std::fputs(kiosk::usage().c_str(), stdout);
    return 0;
  }
  if (!parsed.error.empty()) {
    std::fprintf(stderr, "%s\n%s", parsed.error.c_str(), kiosk::usage().c_str());
    return 2;
  }
  const auto& options = parsed.options;
  auto services = kiosk::open_services(options);
  if (!services.problem.empty()) std::fprintf(stderr, "oneservice-kiosk: %s\n", services.problem.c_str());
  if (!services.places.problem.empty())
    std::fprintf(stderr, "oneservice-kiosk: %s\n", services.places.problem.c_str());
  if (options.operator_pin.empty())
    std::fputs("oneservice-kiosk: the config is incomplete: it sets no operator_pin, so the operator screen "
               "cannot be opened. Add \"operator_pin\": \"<4 to 8 digits>\" to the file given with --config.\n",
               stderr);

  try {
    platform::WindowOptions window_options;
    window_options.title = "oneservice kiosk";
    window_options.fullscreen = options.fullscreen;
    window_options.width = options.width;
    window_options.height = options.height;
    window_options.software_renderer = options.software_renderer;
    platform::SdlWindow window(window_options);
    // For the operator's log: which renderer, and why (the rule is in
    // platform/renderer_choice.h).
    std::fprintf(stderr, "oneservice-kiosk: drawing with SDL's %s renderer: %s\n",
                 window.renderer_choice().software ? "software" : "GPU", window.renderer_choice().reason.c_str());
    platform::ImGuiHost host(window, platform::FontSizes{});

    bool running = true;
    kiosk::AppSetup setup;
    setup.operator_setup.pin = options.operator_pin;
    setup.operator_setup.close_kiosk = [&running] { running = false; };
    setup.catalogue = services.catalogue ? &*services.catalogue : nullptr;
    setup.desk.outbox = services.outbox ? &*services.outbox : nullptr;
    setup.startup_problem = services.problem;
    setup.places = &services.places;
    setup.touches = &host.touches();
    setup.channel = options.channel;
    setup.council = options.council;
    setup.settings = kiosk::council_settings(options);
    setup.inactivity = kiosk::inactivity_policy(options);
    // Read aloud through the sound device; a kiosk without one hides the button.
    platform::Speech speech;
    if (!speech.available()) std::fprintf(stderr, "oneservice-kiosk: read aloud is off: %s\n", speech.last_error().c_str());
    setup.speaker = &speech;
    // Its texture belongs to the window's renderer and goes with it.
    const platform::Image logo = platform::load_image(window.renderer(), kiosk::logo_path(options));
    if (logo.texture) {
      setup.logo = logo.texture.get();
      setup.logo_aspect = static_cast<float>(logo.width) / static_cast<float>(logo.height);
    } else if (!options.logo.empty()) {
      std::fprintf(stderr, "oneservice-kiosk: %s\n", logo.problem.c_str());
    }
    setup.council_name = !options.council_name.empty() ? options.council_name
                         : services.catalogue        ? services.catalogue->council_name
                                                     : "oneservice";
    // The background sender, when the kiosk knows its council's server.
    std::unique_ptr<sync::SyncEngine> engine;
    const sync::ServerConfig server{options.server_url, options.api_key, options.ca_bundle};
    if (!options.server_url.empty() && !options.api_key.empty() && services.problem.empty()) {
      sync::EngineOptions engine_options;
      engine_options.field_mode = options.mode == kiosk::AppMode::Field;  // staff, jobs, photos after reports
      engine = std::make_unique<sync::SyncEngine>(options.data_dir, server, engine_options);
      engine->start();
      setup.desk.sender = [&engine] { return engine->snapshot(); };
      setup.desk.sender_generation = [&engine] { return engine->generation(); };
      setup.desk.wake_sender = [&engine] { engine->wake(); };
      setup.desk.pulled_catalogue = [&engine] { return engine->pulled_catalogue(); };
      setup.operator_setup.send_now = [&engine] { engine->send_now(); };
    }
    setup.mode = options.mode;
    // The tablet's GPS, read by its own thread; the screens take snapshots.
    std::unique_ptr<gps::GpsReader> gps_reader;
    if (options.mode == kiosk::AppMode::Field) {
      gps_reader = std::make_unique<gps::GpsReader>(options.field.gpsd_host, options.field.gpsd_port);
      gps_reader->start();
    }
    setup.field.settings = kiosk::field_settings(options);
    if (options.mode == kiosk::AppMode::Field && services.outbox) {
      const bool has_server = !options.server_url.empty() && !options.api_key.empty();
      setup.field.links = kiosk::field::sync_links({*services.outbox, options.data_dir, has_server ? &server : nullptr,
                                                    services.catalogue ? &*services.catalogue : nullptr, engine.get()});
    }
    if (gps_reader) setup.field.links.gps = [&gps_reader] { return gps_reader->latest(); };
    // The camera and photo imports draw with the window's renderer: made after it, gone before it.
    std::unique_ptr<kiosk::field::PhotoDevices> photo_devices;
    if (options.mode == kiosk::AppMode::Field) {
      photo_devices = std::make_unique<kiosk::field::PhotoDevices>(window.renderer(), options.field.camera,
                                                                   options.field.photo_folder);
      setup.field.links.photo_devices = photo_devices.get();
    }
    kiosk::App app(std::move(setup), host.fonts());
    std::uint64_t seen_generation = 0;

    const Uint64 started = SDL_GetTicks64();
    bool first_frame = true;
    while (running) {
      // Sleep up to half a second between checks when idle: nothing on the
      // screen changes by itself yet, and the timeout bounds --quit-after.
      // On the start page the kiosk sleeps until touched; during a journey
      // it wakes four times a second so the inactivity timer can act.
      running = host.process_events(app.needs_clock_ticks() ? 250 : 500);
      if (app.needs_clock_ticks()) host.request_frames(1);
      // Redraw when the sender's state changed (the header line, a reference).
      if (engine && engine->generation() != seen_generation) {
        seen_generation = engine->generation();
        host.request_frames(2);
      }
      host.use_text_scale(app.text_scale());
      if (host.frame_due()) {
        host.frame([&] { app.draw_frame(); });
        host.request_frames(app.take_frame_request());
        if (first_frame && options.report_startup) {
          const auto age = platform::process_age_ms();
          if (age) std::fprintf(stderr, "oneservice-kiosk: first frame %.0f ms after the process started\n", *age);
          else std::fputs("oneservice-kiosk: first frame drawn (process start time unavailable)\n", stderr);
        }
        first_frame = false;
      }
      if (options.quit_after_ms > 0 && SDL_GetTicks64() - started >= static_cast<Uint64>(options.quit_after_ms))
        running = false;
    }
  } catch (const platform::PlatformError& error) {
    std::fprintf(stderr, "oneservice-kiosk: %s\n", error.what());
    return 1;
  }
  return 0;
}
