#include "kiosk_driver.h"

#include "drawn_text.h"
#include "kiosk/theme.h"
#include "sync/delivery_queue.h"

#include <SDL.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <utility>

namespace oneservice::kiosk::testing {

Clock fixed_clock() {
  Clock clock;
  clock.now = [] { return *parse_iso8601("2026-11-22T12:00:00Z"); };
  return clock;
}

Clock clock_at(std::shared_ptr<TimePoint> now) {
  Clock clock;
  clock.now = [now = std::move(now)] { return *now; };
  return clock;
}

void KioskDriver::expect_touch_targets(const std::string& where) const {
  EXPECT_FALSE(probe().items.empty()) << where;
  for (const auto& item : probe().items) {
    EXPECT_GE(item.width, 44.0f) << item.label << " on " << where;
    EXPECT_GE(item.height, 44.0f) << item.label << " on " << where;
  }
}

OperatorSetup with_pin() {
  OperatorSetup setup;
  setup.pin = kTestPin;
  return setup;
}

void council_takes(sync::Outbox& outbox, const std::string& reference, const std::string& council_reference,
                   const std::vector<sync::StatusUpdate>& updates) {
  const auto entry = outbox.find_by_reference(reference);
  ASSERT_TRUE(entry.has_value());
  sync::DeliveryQueue queue(outbox);
  const auto claimed = queue.settle_and_claim({}, "9999-12-31T23:59:59Z", 10);
  ASSERT_EQ(claimed.size(), 1u);
  ASSERT_EQ(claimed[0].entry.client_id, entry->client_id);
  queue.settle_and_claim({{entry->client_id, sync::Settlement::Kind::Accepted, council_reference, "", ""}}, "", 0);
  outbox.store_updates(updates);
}

void reach_pothole_location(KioskDriver& kiosk) {
  ASSERT_TRUE(kiosk.tap("Report a pothole"));
  ASSERT_TRUE(kiosk.tap("In the road"));
  ASSERT_TRUE(kiosk.tap("Continue"));
  ASSERT_TRUE(kiosk.tap("Smaller than a dinner plate"));
  ASSERT_TRUE(kiosk.tap("Continue"));
  ASSERT_TRUE(kiosk.fill("field:depth_cm", "6"));
  ASSERT_TRUE(kiosk.tap("Continue"));
  ASSERT_TRUE(kiosk.tap("Continue"));  // more details: optional
  // Field mode's report is the field shell's journey, the kiosk's the App's.
  const auto* field = kiosk.app().field();
  ASSERT_EQ(field ? field->state().journey.page : kiosk.journey().page, Page::Location);
}

bool KioskDriver::draws(const std::string& text) const {
  for (const auto& line : drawn_lines())
    if (line.find(text) != std::string::npos) return true;
  return false;
}

std::size_t KioskDriver::expect_readable_text(const std::string& where) const {
  // What the renderer clears to before the frame (platform/imgui_host.cpp).
  const auto glyphs = drawn_glyphs(*ImGui::GetDrawData(), IM_COL32_WHITE);
  std::set<std::pair<ImU32, ImU32>> reported;
  for (const auto& glyph : glyphs) {
    const double ratio = theme::contrast_ratio(glyph.text, glyph.background);
    if (ratio >= 7.0 || !reported.insert({glyph.text, glyph.background}).second) continue;
    const auto hex = [](ImU32 c) {
      char out[8];
      std::snprintf(out, sizeof out, "#%02x%02x%02x", (c >> IM_COL32_R_SHIFT) & 0xFF, (c >> IM_COL32_G_SHIFT) & 0xFF,
                    (c >> IM_COL32_B_SHIFT) & 0xFF);
      return std::string(out);
    };
    ADD_FAILURE() << "text " << hex(glyph.text) << " on " << hex(glyph.background) << " is " << ratio << ":1 at (" << glyph.centre.x << ", "
                  << glyph.centre.y << ") on " << where;
  }
  return glyphs.size();
}

KioskDriver::KioskDriver(const std::string& data_dir, const std::string& screenshot_folder, Clock clock,
                         bool expect_problem, std::optional<sync::ServerConfig> server,
                         const std::string& assets_dir, OperatorSetup operator_setup, DriverExtras extras)
    : folder_(screenshot_folder) {
  setenv("SDL_VIDEODRIVER", "dummy", 1);
  options_.data_dir = data_dir;
  options_.assets_dir = assets_dir.empty() ? ONESERVICE_ASSETS_DIR : assets_dir;
  options_.fullscreen = false;
  options_.software_renderer = true;
  options_.width = extras.width;
  options_.height = extras.height;
  services_ = open_services(options_);
  EXPECT_EQ(services_.problem.empty(), !expect_problem) << services_.problem;
  platform::WindowOptions window_options;
  window_options.fullscreen = false;
  window_options.width = options_.width;
  window_options.height = options_.height;
  window_options.software_renderer = true;
  window_ = std::make_unique<platform::SdlWindow>(window_options);
  host_ = std::make_unique<platform::ImGuiHost>(*window_, platform::FontSizes{});
  AppSetup setup;
  setup.catalogue = services_.catalogue ? &*services_.catalogue : nullptr;
  setup.desk.outbox = services_.outbox ? &*services_.outbox : nullptr;
  setup.startup_problem = services_.problem;
  setup.places = &services_.places;
  setup.touches = &host_->touches();
  setup.council_name = services_.catalogue ? services_.catalogue->council_name : "";
  setup.council = options_.council;
  setup.settings = council_settings(options_);
  setup.inactivity = inactivity_policy(options_);
  // Speech into memory: the button shows and works, with no sound device.
  speech_ = std::make_unique<platform::Speech>(platform::SpeechOutput::Memory);
  setup.speaker = speech_.get();
  logo_ = platform::load_image(window_->renderer(), logo_path(options_));
  setup.logo = logo_.texture.get();
  if (logo_.texture) setup.logo_aspect = static_cast<float>(logo_.width) / static_cast<float>(logo_.height);
  setup.clock = std::move(clock);
  if (server) {
    engine_ = std::make_unique<sync::SyncEngine>(data_dir, *server, extras.engine);
    engine_->start();
    setup.desk.sender = [this] { return engine_->snapshot(); };
    setup.desk.sender_generation = [this] { return engine_->generation(); };
    setup.desk.wake_sender = [this] { engine_->wake(); };
    setup.desk.pulled_catalogue = [this] { return engine_->pulled_catalogue(); };
    if (!operator_setup.send_now) operator_setup.send_now = [this] { engine_->send_now(); };
  }
  setup.operator_setup = std::move(operator_setup);
  if (extras.adjust) extras.adjust(setup, services_, engine_.get(), window_->renderer());
  app_ = std::make_unique<App>(std::move(setup), host_->fonts());
  std::filesystem::remove_all(folder_);  // no stale shots from an earlier run
  std::filesystem::create_directories(folder_);
  settle();
}

KioskDriver::~KioskDriver() {
  app_.reset();
  logo_.texture.reset();  // before the renderer it belongs to
  engine_.reset();
  host_.reset();
  window_.reset();
}

void KioskDriver::settle() {
  // Two extra frames beyond what the host owes: layout that depends on the
  // previous frame's sizes (wrapped text, scroll limits) settles by then.
  for (int frame = 0; frame < 30; ++frame) {
    host_->process_events(0);
    if (!host_->frame_due() && frame > 2) break;
    draw_frame();
    host_->request_frames(app_->take_frame_request());
  }
}

void KioskDriver::draw_frame() {
  // As the kiosk's own loop does: fonts follow the resident's text size.
  host_->use_text_scale(app_->text_scale());
  host_->frame([&] { app_->draw_frame(); });
}

void KioskDriver::start(const std::string& language) {
  tap("Start / Dechrau");
  tap(language == "cy" ? "Cymraeg" : "English");
}

void KioskDriver::push_pointer(int type, float x, float y) {
  SDL_Event event{};
  event.type = static_cast<Uint32>(type);
  if (type == SDL_MOUSEMOTION) {
    event.motion.x = static_cast<Sint32>(x);
    event.motion.y = static_cast<Sint32>(y);
  } else {
    event.button.button = SDL_BUTTON_LEFT;
    event.button.state = type == SDL_MOUSEBUTTONDOWN ? SDL_PRESSED : SDL_RELEASED;
    event.button.clicks = 1;
    event.button.x = static_cast<Sint32>(x);
    event.button.y = static_cast<Sint32>(y);
  }
  SDL_PushEvent(&event);
}

void KioskDriver::scroll(int clicks, float x, float y) {
  push_pointer(SDL_MOUSEMOTION, x, y);
  SDL_Event event{};
  event.type = SDL_MOUSEWHEEL;
  event.wheel.y = clicks;
  SDL_PushEvent(&event);
  settle();
}

float KioskDriver::page_bottom() const {
  float bottom = static_cast<float>(options_.height);
  for (const auto& item : probe().items)
    if (item.label.rfind("key:", 0) == 0) bottom = std::min(bottom, item.y);
  return bottom;
}

bool KioskDriver::reveal(const std::string& label) {
  // Scroll the way a person would until the control is fully on screen,
  // and stop when scrolling no longer moves it (an overlay is not scrolled).
  for (int attempt = 0; attempt < 40; ++attempt) {
    const auto* item = probe().find(label);
    if (!item || item->label.rfind("key:", 0) == 0) break;
    const float page_x = static_cast<float>(options_.width) / 2;
    const float page_y = (100 + page_bottom()) / 2;
    const float was_at = item->y;
    if (item->y + item->height > page_bottom()) scroll(-1, page_x, page_y);
    else if (item->y < 100) scroll(1, page_x, page_y);
    else break;
    item = probe().find(label);
    if (!item || item->y == was_at) break;
  }
  if (probe().find(label)) return true;
  std::string shown;
  for (const auto& control : probe().items) shown += " [" + control.label + "]";
  ADD_FAILURE() << "No control labelled \"" << label << "\" on this screen; it shows:" << shown;
  return false;
}

bool KioskDriver::tap(const std::string& label) {
  if (!reveal(label)) return false;
  const auto* item = probe().find(label);
  tap_at(item->centre_x(), item->centre_y());
  return true;
}

void KioskDriver::tap_at(float x, float y) {
  push_pointer(SDL_MOUSEMOTION, x, y);
  push_pointer(SDL_MOUSEBUTTONDOWN, x, y);
  push_pointer(SDL_MOUSEBUTTONUP, x, y);
  settle();
}

void KioskDriver::push_finger(int type, long long finger, float x, float y) {
  SDL_Event event{};
  event.type = static_cast<Uint32>(type);
  event.tfinger.fingerId = finger;
  event.tfinger.x = x / static_cast<float>(options_.width);  // SDL gives 0..1 across the window
  event.tfinger.y = y / static_cast<float>(options_.height);
  SDL_PushEvent(&event);
}

void KioskDriver::pinch(float a0_x, float a0_y, float b0_x, float b0_y, float a1_x, float a1_y, float b1_x,
                        float b1_y) {
  push_finger(SDL_FINGERDOWN, 1, a0_x, a0_y);
  push_finger(SDL_FINGERDOWN, 2, b0_x, b0_y);
  settle();
  constexpr int kSteps = 4;
  for (int step = 1; step <= kSteps; ++step) {
    const float t = static_cast<float>(step) / kSteps;
    push_finger(SDL_FINGERMOTION, 1, a0_x + (a1_x - a0_x) * t, a0_y + (a1_y - a0_y) * t);
    push_finger(SDL_FINGERMOTION, 2, b0_x + (b1_x - b0_x) * t, b0_y + (b1_y - b0_y) * t);
    settle();
  }
  push_finger(SDL_FINGERUP, 1, a1_x, a1_y);
  push_finger(SDL_FINGERUP, 2, b1_x, b1_y);
  settle();
}

void KioskDriver::drag(float x0, float y0, float x1, float y1, int steps) {
  push_pointer(SDL_MOUSEMOTION, x0, y0);
  push_pointer(SDL_MOUSEBUTTONDOWN, x0, y0);
  settle();
  if (steps <= 0) steps = std::max(1, static_cast<int>(std::hypot(x1 - x0, y1 - y0) / 8));
  for (int step = 1; step <= steps; ++step) {
    const float t = static_cast<float>(step) / static_cast<float>(steps);
    push_pointer(SDL_MOUSEMOTION, x0 + (x1 - x0) * t, y0 + (y1 - y0) * t);
    settle();
  }
  push_pointer(SDL_MOUSEBUTTONUP, x1, y1);
  settle();
}

void KioskDriver::press(float x, float y) {
  push_pointer(SDL_MOUSEMOTION, x, y);
  push_pointer(SDL_MOUSEBUTTONDOWN, x, y);
  settle();
}

void KioskDriver::release(float x, float y) {
  push_pointer(SDL_MOUSEBUTTONUP, x, y);
  settle();
}

bool KioskDriver::loop_turn() {
  host_->process_events(0);
  if (app_->needs_clock_ticks()) host_->request_frames(1);
  if (!host_->frame_due()) return false;
  draw_frame();
  host_->request_frames(app_->take_frame_request());
  return true;
}

bool KioskDriver::press_and_hold(float x, float y, std::chrono::milliseconds hold, TimePoint& now) {
  press(x, y);
  bool ticked = true;
  for (auto held = std::chrono::milliseconds(0); held < hold; held += std::chrono::milliseconds(250)) {
    now += std::chrono::milliseconds(250);
    ticked = loop_turn() && ticked;
  }
  release(x, y);
  return ticked;
}

void KioskDriver::type(const std::string& text) {
  // SDL_TEXTINPUT carries at most 31 bytes; split on character boundaries.
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t end = std::min(text.size(), at + 30);
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    SDL_Event event{};
    event.type = SDL_TEXTINPUT;
    std::snprintf(event.text.text, sizeof event.text.text, "%s", text.substr(at, end - at).c_str());
    SDL_PushEvent(&event);
    at = end;
    settle();
  }
}

bool KioskDriver::fill(const std::string& field_label, const std::string& text) {
  if (!tap(field_label)) return false;
  type(text);
  return true;
}

bool KioskDriver::wait_until(const std::function<bool()>& done, std::chrono::seconds limit) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < deadline) {
    host_->process_events(50);
    draw_frame();
    if (done()) return true;
  }
  return false;
}

void KioskDriver::press_key(int scancode) {
  for (const Uint32 type : {SDL_KEYDOWN, SDL_KEYUP}) {
    SDL_Event event{};
    event.type = type;
    event.key.keysym.scancode = static_cast<SDL_Scancode>(scancode);
    SDL_PushEvent(&event);
    settle();
  }
}

std::vector<std::string> KioskDriver::drawn_lines() const {
  return testing::drawn_lines(*ImGui::GetDrawData());
}

std::vector<std::string> KioskDriver::read_page() {
  const float page_x = static_cast<float>(options_.width) / 2;
  // A page stops scrolling when what it shows stops changing (bounded, as
  // a page is never 30 screens long).
  auto before = drawn_lines();
  for (int step = 0; step < 30; ++step) {
    scroll(10, page_x, (100 + page_bottom()) / 2);
    const auto shown = drawn_lines();
    if (shown == before) break;
    before = shown;
  }
  std::vector<std::string> lines = before;
  for (int step = 0; step < 30; ++step) {
    scroll(-2, page_x, (100 + page_bottom()) / 2);
    const auto shown = drawn_lines();
    if (shown == before) break;
    lines.insert(lines.end(), shown.begin(), shown.end());
    before = shown;
  }
  return lines;
}

std::string KioskDriver::screenshot(const std::string& name) {
  char prefix[16];
  std::snprintf(prefix, sizeof prefix, "%02d-", ++shots_);
  const std::string path = folder_ + "/" + prefix + name + ".png";
  host_->capture_next_frame(path);
  host_->frame([&] { app_->draw_frame(); });
  EXPECT_EQ(host_->capture_error(), "") << path;
  return path;
}

}  // namespace oneservice::kiosk::testing
