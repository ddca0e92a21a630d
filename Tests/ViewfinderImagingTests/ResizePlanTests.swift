import Testing
import ViewfinderCore
@testable import ViewfinderImaging

@Suite("ResizePlan: torchvision-compatible geometry")
struct ResizePlanTests {
    @Test("the shortest side becomes the model size and the long side is truncated")
    func shortestSide() {
        let landscape = ResizePlan(width: 5120, height: 2880, side: 224, mode: .shortestSideThenCenterCrop)
        #expect(landscape.resizedWidth == 398)  // int(224 * 5120 / 2880) = int(398.2)
        #expect(landscape.resizedHeight == 224)
        #expect(landscape.cropLeft == 87)
        #expect(landscape.cropTop == 0)

        let portrait = ResizePlan(width: 300, height: 600, side: 224, mode: .shortestSideThenCenterCrop)
        #expect(portrait.resizedWidth == 224 && portrait.resizedHeight == 448)
        #expect(portrait.cropLeft == 0 && portrait.cropTop == 112)
    }

    @Test("crop offsets round halves to even, like Python's round")
    func bankersRounding() {
        // (225 - 224) / 2 = 0.5 → 0; (227 - 224) / 2 = 1.5 → 2; (229 - 224) / 2 = 2.5 → 2.
        #expect(ResizePlan(width: 225, height: 224, side: 224, mode: .shortestSideThenCenterCrop).cropLeft == 0)
        #expect(ResizePlan(width: 227, height: 224, side: 224, mode: .shortestSideThenCenterCrop).cropLeft == 2)
        #expect(ResizePlan(width: 229, height: 224, side: 224, mode: .shortestSideThenCenterCrop).cropLeft == 2)
    }

    @Test("squash ignores the aspect ratio")
    func squash() {
        let plan = ResizePlan(width: 5120, height: 2880, side: 224, mode: .squash)
        #expect(plan.resizedWidth == 224 && plan.resizedHeight == 224)
        #expect(plan.cropLeft == 0 && plan.cropTop == 0)
    }

    @Test("orientations 5–8 swap the stored frame's axes")
    func rawFrame() {
        let plan = ResizePlan(width: 300, height: 600, side: 224, mode: .shortestSideThenCenterCrop)
        #expect(plan.rawResizedSize(orientation: 1) == (224, 448))
        #expect(plan.rawResizedSize(orientation: 6) == (448, 224))
        #expect(plan.rawCropOrigin(orientation: 1) == (0, 112))
        #expect(plan.rawCropOrigin(orientation: 6) == (112, 0))
        #expect(plan.rawCropOrigin(orientation: 8) == (112, 0))
    }

    @Test("JPEG shrink-on-load keeps the shortest side at least headroom × the model size")
    func jpegShrink() {
        #expect(ResizePlan.jpegShrink(width: 5120, height: 2880, side: 224, headroom: 2) == 4)  // 720 ≥ 448
        #expect(ResizePlan.jpegShrink(width: 6000, height: 4000, side: 224, headroom: 2) == 8)  // 500 ≥ 448
        #expect(ResizePlan.jpegShrink(width: 1280, height: 1024, side: 224, headroom: 2) == 2)  // 512 ≥ 448
        #expect(ResizePlan.jpegShrink(width: 800, height: 600, side: 224, headroom: 2) == 1)
        #expect(ResizePlan.jpegShrink(width: 6000, height: 4000, side: 384, headroom: 2) == 4)
        // Like Pillow's draft(): the shortest side only has to stay at least the model size.
        #expect(ResizePlan.jpegShrink(width: 2560, height: 1600, side: 224, headroom: 1) == 4)  // 400 ≥ 224
        #expect(ResizePlan.jpegShrink(width: 4000, height: 3000, side: 224, headroom: 1) == 8)  // 375 ≥ 224
        #expect(ResizePlan.jpegShrink(width: 800, height: 600, side: 224, headroom: 1) == 2)  // 300 ≥ 224
        #expect(ResizePlan.jpegShrink(width: 400, height: 300, side: 224, headroom: 1) == 1)
    }
}
