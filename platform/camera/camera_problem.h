#pragma once
// Why the camera cannot be used, as a kind: the field UI words each kind in
// English and Welsh; describe() is English for logs only.
#include <string_view>

namespace oneservice::camera {

enum class CameraProblem {
  None,
  NoGStreamer,      // GStreamer would not initialise (plug-ins missing, broken install)
  NoCamera,         // the device is not there (no /dev/video0, unplugged)
  CameraBusy,       // another program holds the camera
  NotAllowed,       // no permission to open the device
  BrokenPipeline,   // the source description is not a source GStreamer knows
  NoPicture,        // the camera opened but sent no frame in time, or stopped sending
  CaptureFailed,    // a still could not be taken or encoded
};

std::string_view describe(CameraProblem problem);

}  // namespace oneservice::camera
