// The camera through a real GStreamer pipeline: videotestsrc stands in for
// the tablet's v4l2src, so these run on any machine. Waits have deadlines;
// nothing asserts how fast frames come.
#include "platform/camera/camera.h"

#include <gtest/gtest.h>

#include "central/jpeg_sample.h"
#include "support/deadline.h"

namespace oneservice::camera {
namespace {

using test_support::wait_until;

std::unique_ptr<Camera> open_or_fail(const std::string& source, int preview_width = 320) {
  CameraProblem problem = CameraProblem::CaptureFailed;
  auto camera = Camera::open(source, preview_width, problem);
  EXPECT_EQ(problem, CameraProblem::None) << describe(problem);
  EXPECT_TRUE(camera);
  return camera;
}

CameraProblem refusal(const std::string& source) {
  CameraProblem problem = CameraProblem::None;
  const auto camera = Camera::open(source, 320, problem);
  EXPECT_FALSE(camera) << source;
  return problem;
}

TEST(Camera, GivesPreviewFramesAtTheWidthAskedInRgba) {
  // Five frames a second: "nothing newer" below is checked well inside a frame's interval.
  const auto camera =
      open_or_fail("videotestsrc is-live=true pattern=red ! video/x-raw,width=640,height=480,framerate=5/1");
  ASSERT_TRUE(camera);
  Frame frame;
  ASSERT_TRUE(camera->latest_preview(frame)) << "open() waits for the first frame";
  EXPECT_GT(frame.sequence, 0u);
  EXPECT_EQ(frame.width, 320);
  EXPECT_EQ(frame.height, 240) << "the shape is kept";
  ASSERT_EQ(frame.rgba.size(), 320u * 240u * 4u);
  const auto* centre = &frame.rgba[(120u * 320u + 160u) * 4u];
  EXPECT_GT(centre[0], 200);  // red
  EXPECT_LT(centre[1], 50);
  EXPECT_LT(centre[2], 50);
  EXPECT_EQ(centre[3], 255);  // opaque

  const auto seen = frame.sequence;
  EXPECT_FALSE(camera->latest_preview(frame)) << "nothing newer than what was just taken";
  EXPECT_EQ(frame.sequence, seen);
  EXPECT_TRUE(wait_until([&] { return camera->latest_preview(frame); })) << "a live source keeps sending";
  EXPECT_GT(frame.sequence, seen);
}

TEST(Camera, AViewerThatFallsBehindGetsTheLatestFrameNotAQueue) {
  const auto camera = open_or_fail("videotestsrc is-live=true ! video/x-raw,width=320,height=240,framerate=30/1");
  ASSERT_TRUE(camera);
  Frame frame;
  ASSERT_TRUE(camera->latest_preview(frame));
  const auto first = frame.sequence;
  // Ask only for a frame at least five newer: the one handed over is the
  // newest there is, with the four in between dropped, not queued.
  Frame later;
  ASSERT_TRUE(wait_until([&] {
    later.sequence = first + 4;
    return camera->latest_preview(later);
  }));
  EXPECT_GE(later.sequence, first + 5);
}

// Takes a still from a camera showing one colour and checks it is a whole
// JPEG of the camera's full size showing that colour.
void expect_still(Camera& camera, int width, int height, const central::test::Rgb& expected) {
  const auto jpeg = camera.capture_jpeg();
  ASSERT_TRUE(jpeg);
  const auto size = central::test::decoded_size(*jpeg);
  ASSERT_TRUE(size) << "a JPEG that decodes whole";
  EXPECT_EQ(size->width, width);
  EXPECT_EQ(size->height, height);
  const auto colour = central::test::pixel_at(*jpeg, width / 2, height / 2);
  EXPECT_NEAR(colour.r, expected.r, 40);
  EXPECT_NEAR(colour.g, expected.g, 40);
  EXPECT_NEAR(colour.b, expected.b, 40);
}

TEST(Camera, CapturesAFullSizeStillAsJpeg) {
  const auto camera =
      open_or_fail("videotestsrc is-live=true pattern=blue ! video/x-raw,format=I420,width=1280,height=720");
  ASSERT_TRUE(camera);
  expect_still(*camera, 1280, 720, {0, 0, 255});
  EXPECT_TRUE(camera->capture_jpeg()) << "a second photo straight after the first";
}

TEST(Camera, CapturesFromACameraThatSendsAnotherFormat) {
  // Many webcams send packed YUY2: converted to I420 for the still only.
  const auto camera =
      open_or_fail("videotestsrc is-live=true pattern=green ! video/x-raw,format=YUY2,width=640,height=360");
  ASSERT_TRUE(camera);
  expect_still(*camera, 640, 360, {0, 255, 0});
}

TEST(Camera, AMissingCameraIsAProblemNotACrash) {
  EXPECT_EQ(refusal("v4l2src device=/dev/oneservice-no-such-camera"), CameraProblem::NoCamera);
}

TEST(Camera, ASourceGStreamerCannotRunIsAProblem) {
  EXPECT_EQ(refusal("nosuchcamerasrc"), CameraProblem::BrokenPipeline);
  EXPECT_EQ(refusal("videotestsrc nosuchproperty=1"), CameraProblem::BrokenPipeline);
  EXPECT_EQ(refusal("videotestsrc ! !"), CameraProblem::BrokenPipeline);
  EXPECT_EQ(refusal(""), CameraProblem::BrokenPipeline);
}

TEST(Camera, ACameraThatSendsNothingIsNoPicture) {
  EXPECT_EQ(refusal("videotestsrc num-buffers=0"), CameraProblem::NoPicture);
}

TEST(Camera, ACameraThatStopsSaysSoAndTakesNoPhoto) {
  // Ten frames, then the end of the stream: as a camera unplugged mid-use.
  const auto camera = open_or_fail("videotestsrc is-live=true num-buffers=10 ! video/x-raw,width=320,height=240");
  ASSERT_TRUE(camera);
  ASSERT_TRUE(wait_until([&] { return camera->problem() != CameraProblem::None; }));
  EXPECT_EQ(camera->problem(), CameraProblem::NoPicture);
  EXPECT_FALSE(camera->capture_jpeg());
}

}  // namespace
}  // namespace oneservice::camera
