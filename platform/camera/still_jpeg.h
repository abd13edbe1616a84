#pragma once
// A full-size camera frame (a GStreamer sample in whatever raw format the
// camera gave) as JPEG: converted to I420 only when it is not already,
// then encoded by libjpeg-turbo straight from the YUV planes, with no
// colour conversion to RGB and back.
#include <gst/gst.h>

#include <optional>
#include <string>

namespace oneservice::camera {

// Quality of the still: it is re-encoded once more when the photo is
// prepared for sending (imaging/prepare_photo.h), so it keeps more here.
inline constexpr int kStillQuality = 92;

std::optional<std::string> still_jpeg(GstSample* sample);

}  // namespace oneservice::camera
