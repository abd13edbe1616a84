#include "platform/imgui_host.h"

#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_sdl.h>
#include <imgui_impl_sdlrenderer.h>

#include <algorithm>

#include "platform/screenshot.h"

namespace oneservice::platform {
namespace {

// Frames drawn after each input: the 1.86 backend holds a press for one
// frame, and hover/active states need another to settle.
constexpr int kFramesAfterInput = 3;

}  // namespace

ImGuiHost::ImGuiHost(SdlWindow& window, const FontSizes& sizes) : window_(window), base_sizes_(sizes) {
  IMGUI_CHECKVERSION();
  context_ = ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // a kiosk keeps no window layout between runs
  io.LogFilename = nullptr;
  io.ConfigInputTextCursorBlink = false;  // a blinking cursor would force redraws
  fonts_ = load_fonts(sizes);
  ImGui_ImplSDL2_InitForSDLRenderer(window_.window());
  ImGui_ImplSDLRenderer_Init(window_.renderer());
}

ImGuiHost::~ImGuiHost() {
  ImGui_ImplSDLRenderer_Shutdown();
  ImGui_ImplSDL2_Shutdown();
  ImGui::DestroyContext(context_);
}

bool ImGuiHost::process_events(int timeout_ms) {
  SDL_Event event;
  bool running = true;
  bool have = frame_due() ? SDL_PollEvent(&event) != 0 : SDL_WaitEventTimeout(&event, timeout_ms) != 0;
  while (have) {
    if (event.type == SDL_QUIT) running = false;
    if (!pointer_.handle(event)) ImGui_ImplSDL2_ProcessEvent(&event);
    frames_owed_ = std::max(frames_owed_, kFramesAfterInput);
    have = SDL_PollEvent(&event) != 0;
  }
  return running;
}

bool ImGuiHost::frame_due() const { return frames_owed_ > 0 || pointer_.pending(); }

void ImGuiHost::use_text_scale(float scale) {
  if (scale == text_scale_) return;
  text_scale_ = scale;
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  // The App holds a reference to fonts_: the new pointers reach it in place.
  fonts_ = load_fonts(FontSizes{base_sizes_.body * scale, base_sizes_.heading * scale});
  // The backend makes the texture again in its next NewFrame.
  ImGui_ImplSDLRenderer_DestroyFontsTexture();
  frames_owed_ = std::max(frames_owed_, kFramesAfterInput);
}

void ImGuiHost::request_frames(int n) { frames_owed_ = std::max(frames_owed_, n); }

void ImGuiHost::frame(const std::function<void()>& build) {
  ImGui_ImplSDLRenderer_NewFrame();
  ImGui_ImplSDL2_NewFrame();
  pointer_.apply_to_imgui();
  ImGui::NewFrame();
  build();
  ImGui::Render();
  SDL_Renderer* renderer = window_.renderer();
  SDL_SetRenderDrawColor(renderer, 255, 255, 255, 255);
  SDL_RenderClear(renderer);
  ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
  if (capture_path_) {
    capture_error_ = save_renderer_png(renderer, *capture_path_);
    capture_path_.reset();
  }
  SDL_RenderPresent(renderer);
  if (frames_owed_ > 0) --frames_owed_;
  // ImGui may want to finish something on its own (a text field taking
  // focus, a window appearing): give it the frame.
  if (ImGui::GetIO().WantTextInput && !SDL_IsTextInputActive()) SDL_StartTextInput();
  if (!ImGui::GetIO().WantTextInput && SDL_IsTextInputActive()) SDL_StopTextInput();
}

void ImGuiHost::capture_next_frame(const std::string& png_path) {
  capture_path_ = png_path;
  frames_owed_ = std::max(frames_owed_, 1);
}

}  // namespace oneservice::platform
