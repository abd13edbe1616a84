#include "platform/camera/camera_problem.h"

namespace oneservice::camera {

std::string_view describe(CameraProblem problem) {
  switch (problem) {
    case CameraProblem::None: return "the camera works";
    case CameraProblem::NoGStreamer: return "GStreamer could not start";
    case CameraProblem::NoCamera: return "no camera at the configured device";
    case CameraProblem::CameraBusy: return "the camera is in use by another program";
    case CameraProblem::NotAllowed: return "no permission to open the camera";
    case CameraProblem::BrokenPipeline: return "the configured camera source is not one GStreamer can run";
    case CameraProblem::NoPicture: return "the camera sent no picture";
    case CameraProblem::CaptureFailed: return "the photo could not be taken";
  }
  return "unknown camera problem";
}

}  // namespace oneservice::camera
