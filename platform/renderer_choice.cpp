#include "platform/renderer_choice.h"

namespace oneservice::platform {

RendererChoice choose_renderer(const RendererFacts& facts) {
  if (facts.software_configured)
    return {*facts.software_configured, *facts.software_configured ? "software_renderer is true in the config"
                                                                   : "software_renderer is false in the config"};
  if (facts.video_driver == "dummy" || facts.video_driver == "offscreen")
    return {true, "SDL's " + facts.video_driver + " video driver"};
  const std::string& forced = facts.libgl_always_software;
  if (!forced.empty() && forced != "0" && forced != "false")
    return {true, "LIBGL_ALWAYS_SOFTWARE is set"};
  for (const char* software : {"llvmpipe", "softpipe", "swr"})
    if (facts.gallium_driver == software) return {true, "GALLIUM_DRIVER is " + facts.gallium_driver};
  if (!facts.render_node) return {true, "no GPU: no DRI render node in /dev/dri"};
  if (facts.video_driver == "x11" && facts.x_server_direct_rendering == false)
    return {true, "the X server offers no direct rendering (DRI3 or DRI2), as under Xvfb"};
  return {false, "a GPU render node is present"};
}

}  // namespace oneservice::platform
