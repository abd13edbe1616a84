#include "platform/camera/still_jpeg.h"

#include <gst/video/video.h>
#include <turbojpeg.h>

#include <memory>

namespace oneservice::camera {
namespace {

struct FrameUnmap {
  void operator()(GstVideoFrame* frame) const noexcept { gst_video_frame_unmap(frame); }
};
using MappedFrame = std::unique_ptr<GstVideoFrame, FrameUnmap>;

std::optional<std::string> encode_i420(const GstVideoFrame& frame) {
  tjhandle handle = tjInitCompress();
  if (!handle) return std::nullopt;
  const unsigned char* planes[3];
  int strides[3];
  for (guint i = 0; i < 3; ++i) {
    planes[i] = static_cast<const unsigned char*>(GST_VIDEO_FRAME_PLANE_DATA(&frame, i));
    strides[i] = GST_VIDEO_FRAME_PLANE_STRIDE(&frame, i);
  }
  unsigned char* out = nullptr;
  unsigned long size = 0;
  const int failed = tjCompressFromYUVPlanes(handle, planes, GST_VIDEO_FRAME_WIDTH(&frame), strides,
                                             GST_VIDEO_FRAME_HEIGHT(&frame), TJSAMP_420, &out, &size, kStillQuality,
                                             TJFLAG_FASTDCT);
  tjDestroy(handle);
  std::optional<std::string> jpeg;
  if (failed == 0 && out) jpeg.emplace(reinterpret_cast<const char*>(out), size);
  tjFree(out);
  return jpeg;
}

}  // namespace

std::optional<std::string> still_jpeg(GstSample* sample) {
  GstVideoInfo in_info;
  GstBuffer* buffer = gst_sample_get_buffer(sample);
  if (!buffer || !gst_video_info_from_caps(&in_info, gst_sample_get_caps(sample))) return std::nullopt;
  GstVideoFrame in_frame;
  if (!gst_video_frame_map(&in_frame, &in_info, buffer, GST_MAP_READ)) return std::nullopt;
  const MappedFrame in(&in_frame);
  if (GST_VIDEO_INFO_FORMAT(&in_info) == GST_VIDEO_FORMAT_I420) return encode_i420(in_frame);

  GstVideoInfo out_info;
  if (!gst_video_info_set_format(&out_info, GST_VIDEO_FORMAT_I420, GST_VIDEO_INFO_WIDTH(&in_info),
                                 GST_VIDEO_INFO_HEIGHT(&in_info)))
    return std::nullopt;
  // The converter only changes the format: it refuses a rate or pixel
  // shape that differs from the input's.
  GST_VIDEO_INFO_FPS_N(&out_info) = GST_VIDEO_INFO_FPS_N(&in_info);
  GST_VIDEO_INFO_FPS_D(&out_info) = GST_VIDEO_INFO_FPS_D(&in_info);
  GST_VIDEO_INFO_PAR_N(&out_info) = GST_VIDEO_INFO_PAR_N(&in_info);
  GST_VIDEO_INFO_PAR_D(&out_info) = GST_VIDEO_INFO_PAR_D(&in_info);
  std::unique_ptr<GstBuffer, void (*)(GstBuffer*)> converted(gst_buffer_new_allocate(nullptr, out_info.size, nullptr),
                                                             [](GstBuffer* b) { gst_buffer_unref(b); });
  if (!converted) return std::nullopt;
  GstVideoFrame out_frame;
  if (!gst_video_frame_map(&out_frame, &out_info, converted.get(), GST_MAP_WRITE)) return std::nullopt;
  const MappedFrame out(&out_frame);
  GstVideoConverter* converter = gst_video_converter_new(&in_info, &out_info, nullptr);
  if (!converter) return std::nullopt;
  gst_video_converter_frame(converter, &in_frame, &out_frame);
  gst_video_converter_free(converter);
  return encode_i420(out_frame);
}

}  // namespace oneservice::camera
