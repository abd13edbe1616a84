#include "platform/camera/camera.h"

#include <gst/app/gstappsink.h>
#include <gst/gst.h>
#include <gst/video/video.h>

#include <chrono>
#include <condition_variable>
#include <cstring>
#include <mutex>

#include "platform/camera/still_jpeg.h"

namespace oneservice::camera {
namespace {

// A camera that opens but has sent nothing after this long is treated as
// not working: V4L2 devices start in well under a second.
constexpr std::chrono::seconds kFirstFrameLimit{5};
// How long a capture waits for a full-size frame when the last one was
// taken already (the next one is a frame interval away).
constexpr GstClockTime kStillWait = 2 * GST_SECOND;

bool gstreamer_ready() {
  static const bool ready = [] {
    GError* error = nullptr;
    const bool ok = gst_init_check(nullptr, nullptr, &error);
    if (error) g_error_free(error);
    return ok;
  }();
  return ready;
}

// What a GStreamer error means to the officer.
CameraProblem problem_of(const GError* error, const char* debug) {
  if (error->domain == GST_RESOURCE_ERROR) {
    switch (error->code) {
      case GST_RESOURCE_ERROR_BUSY: return CameraProblem::CameraBusy;
      case GST_RESOURCE_ERROR_NOT_AUTHORIZED: return CameraProblem::NotAllowed;
      case GST_RESOURCE_ERROR_OPEN_READ:
      case GST_RESOURCE_ERROR_OPEN_WRITE:
      case GST_RESOURCE_ERROR_OPEN_READ_WRITE:
        // v4l2src reports a refused open() with the system's words only.
        if (debug && std::strstr(debug, "Permission denied")) return CameraProblem::NotAllowed;
        if (debug && std::strstr(debug, "busy")) return CameraProblem::CameraBusy;
        return CameraProblem::NoCamera;
      default: return CameraProblem::NoCamera;
    }
  }
  return CameraProblem::BrokenPipeline;
}

// The full-size formats a still is taken from: the 8-bit ones cameras send
// (I420 is encoded with no conversion at all; the others are converted only
// when the shutter is pressed). Without a list, a source free to choose
// (videotestsrc) picks a 64-bit format and every frame costs 16 MB at 1080p.
// A camera that sends only something else (MJPEG) needs a decoder in its
// source description ("v4l2src ! jpegdec").
constexpr const char* kStillFormats =
    "video/x-raw,format={I420,YV12,NV12,NV21,YUY2,UYVY,YVYU,RGB,BGR,RGBx,BGRx,xRGB,xBGR,RGBA,BGRA,ARGB,ABGR,GRAY8}";

// The pipeline around the caller's source element; both sinks keep only
// their latest buffer and never hold up the source (leaky queues, no sync).
// The preview is scaled before it is converted to RGBA: converting a 4K
// frame whole and then scaling it cost a core's 16 ms every frame, scaling
// first 2.5 ms (bench/photo_capture_bench, 3840x2160 YUY2). At most one
// frame waits in each branch: at 4K a frame is 16 MB, and the source's pool
// keeps every buffer it ever had in flight at once.
std::string pipeline_text(const std::string& source, int preview_width) {
  // wait-on-eos=false: a still nobody took must not hold back the end of
  // the stream (and with it problem()).
  const std::string sink = " max-buffers=1 drop=true sync=false enable-last-sample=false wait-on-eos=false";
  const std::string queue = "queue leaky=downstream max-size-buffers=1 max-size-bytes=0 max-size-time=0";
  return source + " ! tee name=split  split. ! " + queue +
         " ! videoscale ! videoconvert ! video/x-raw,format=RGBA,pixel-aspect-ratio=1/1,width=" +
         std::to_string(preview_width) + " ! appsink name=preview" + sink + "  split. ! " + queue +
         " ! " + kStillFormats + " ! appsink name=still" + sink;
}

}  // namespace

struct Camera::Pipeline {
  GstElement* pipeline = nullptr;
  GstElement* preview = nullptr;
  GstElement* still = nullptr;
  GstBus* bus = nullptr;

  mutable std::mutex mutex;
  std::condition_variable frame_came;
  Frame latest;
  mutable CameraProblem stopped = CameraProblem::None;  // sticky once the bus said so

  ~Pipeline() {
    if (pipeline) gst_element_set_state(pipeline, GST_STATE_NULL);  // joins the streaming threads
    if (preview) gst_object_unref(preview);
    if (still) gst_object_unref(still);
    if (bus) gst_object_unref(bus);
    if (pipeline) gst_object_unref(pipeline);
  }

  // Called on GStreamer's streaming thread for every preview frame.
  static GstFlowReturn on_preview(GstAppSink* sink, gpointer self) {
    GstSample* sample = gst_app_sink_pull_sample(sink);
    if (!sample) return GST_FLOW_OK;
    static_cast<Pipeline*>(self)->keep(sample);
    gst_sample_unref(sample);
    return GST_FLOW_OK;
  }

  void keep(GstSample* sample) {
    GstVideoInfo info;
    GstBuffer* buffer = gst_sample_get_buffer(sample);
    if (!buffer || !gst_video_info_from_caps(&info, gst_sample_get_caps(sample))) return;
    GstVideoFrame frame;
    if (!gst_video_frame_map(&frame, &info, buffer, GST_MAP_READ)) return;
    const int width = GST_VIDEO_FRAME_WIDTH(&frame), height = GST_VIDEO_FRAME_HEIGHT(&frame);
    const int stride = GST_VIDEO_FRAME_PLANE_STRIDE(&frame, 0);
    const auto* pixels = static_cast<const std::uint8_t*>(GST_VIDEO_FRAME_PLANE_DATA(&frame, 0));
    {
      std::lock_guard lock(mutex);
      latest.width = width;
      latest.height = height;
      latest.rgba.resize(static_cast<std::size_t>(width) * height * 4);  // the same size each time: no allocation
      for (int y = 0; y < height; ++y)
        std::memcpy(&latest.rgba[static_cast<std::size_t>(y) * width * 4], pixels + static_cast<std::ptrdiff_t>(y) * stride,
                    static_cast<std::size_t>(width) * 4);
      ++latest.sequence;
    }
    gst_video_frame_unmap(&frame);
    frame_came.notify_all();
  }

  // Reads what the bus holds without waiting; remembers the first error or
  // end of stream (a camera unplugged, a source that ran out).
  CameraProblem check_bus() const {
    std::lock_guard lock(mutex);
    while (stopped == CameraProblem::None) {
      GstMessage* message = gst_bus_pop_filtered(bus, static_cast<GstMessageType>(GST_MESSAGE_ERROR | GST_MESSAGE_EOS));
      if (!message) break;
      if (GST_MESSAGE_TYPE(message) == GST_MESSAGE_ERROR) {
        GError* error = nullptr;
        gchar* debug = nullptr;
        gst_message_parse_error(message, &error, &debug);
        stopped = problem_of(error, debug);
        g_error_free(error);
        g_free(debug);
      } else {
        stopped = CameraProblem::NoPicture;
      }
      gst_message_unref(message);
    }
    return stopped;
  }
};

Camera::Camera(std::unique_ptr<Pipeline> pipeline) : pipeline_(std::move(pipeline)) {}

Camera::~Camera() = default;

std::unique_ptr<Camera> Camera::open(const std::string& source, int preview_width, CameraProblem& problem) {
  problem = CameraProblem::None;
  if (!gstreamer_ready()) {
    problem = CameraProblem::NoGStreamer;
    return nullptr;
  }
  if (source.empty() || preview_width <= 0) {
    problem = CameraProblem::BrokenPipeline;
    return nullptr;
  }
  auto pipeline = std::make_unique<Pipeline>();
  GError* error = nullptr;
  // FATAL_ERRORS: a misspelt element or property is an error, never a
  // half-built pipeline that runs without it.
  pipeline->pipeline = gst_parse_launch_full(pipeline_text(source, preview_width).c_str(), nullptr,
                                             GST_PARSE_FLAG_FATAL_ERRORS, &error);
  if (error || !pipeline->pipeline) {
    if (error) g_error_free(error);
    problem = CameraProblem::BrokenPipeline;
    return nullptr;
  }
  pipeline->preview = gst_bin_get_by_name(GST_BIN(pipeline->pipeline), "preview");
  pipeline->still = gst_bin_get_by_name(GST_BIN(pipeline->pipeline), "still");
  pipeline->bus = gst_element_get_bus(pipeline->pipeline);
  if (!pipeline->preview || !pipeline->still || !pipeline->bus) {
    problem = CameraProblem::BrokenPipeline;  // the source text closed or renamed our sinks
    return nullptr;
  }
  GstAppSinkCallbacks callbacks{};
  callbacks.new_sample = &Pipeline::on_preview;
  gst_app_sink_set_callbacks(GST_APP_SINK(pipeline->preview), &callbacks, pipeline.get(), nullptr);

  if (gst_element_set_state(pipeline->pipeline, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE) {
    problem = pipeline->check_bus();
    if (problem == CameraProblem::None) problem = CameraProblem::NoCamera;
    return nullptr;
  }
  // Wait for the first preview frame, or for the bus to say why none comes.
  const auto deadline = std::chrono::steady_clock::now() + kFirstFrameLimit;
  while (true) {
    if (const auto stopped = pipeline->check_bus(); stopped != CameraProblem::None) {
      problem = stopped;
      return nullptr;
    }
    std::unique_lock lock(pipeline->mutex);
    if (pipeline->latest.sequence > 0) break;
    if (std::chrono::steady_clock::now() >= deadline) {
      problem = CameraProblem::NoPicture;
      return nullptr;
    }
    pipeline->frame_came.wait_for(lock, std::chrono::milliseconds(50));
  }
  return std::unique_ptr<Camera>(new Camera(std::move(pipeline)));
}

bool Camera::latest_preview(Frame& into) const {
  std::lock_guard lock(pipeline_->mutex);
  if (pipeline_->latest.sequence <= into.sequence) return false;
  into.width = pipeline_->latest.width;
  into.height = pipeline_->latest.height;
  into.rgba = pipeline_->latest.rgba;
  into.sequence = pipeline_->latest.sequence;
  return true;
}

std::optional<std::string> Camera::capture_jpeg() {
  if (problem() != CameraProblem::None) return std::nullopt;
  GstSample* sample = gst_app_sink_try_pull_sample(GST_APP_SINK(pipeline_->still), kStillWait);
  if (!sample) return std::nullopt;
  auto jpeg = still_jpeg(sample);
  gst_sample_unref(sample);
  return jpeg;
}

CameraProblem Camera::problem() const { return pipeline_->check_bus(); }

}  // namespace oneservice::camera
