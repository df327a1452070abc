"""Video funnel diagnoser: find the first stage where a video loses its buyers, and what to change."""

from content_logic.funnel.batch import BatchDiagnosis, diagnose_batch, videos_frame
from content_logic.funnel.batch_io import SkippedRow, VideoUpload, prepare_videos, read_videos
from content_logic.funnel.benchmarks import SOURCES, FunnelBenchmarks, ReferenceRule
from content_logic.funnel.demo import DEMO_IDS, DemoId, demo_set
from content_logic.funnel.diagnose import StageCheck, VideoDiagnosis, diagnose_video
from content_logic.funnel.inputs import FunnelInputs, dump_inputs, load_inputs, room_summary
from content_logic.funnel.models import STAGES, Stage, VideoFunnel
from content_logic.funnel.replicate import ReplicatePolicy, ReplicateView

__all__ = [
    "DEMO_IDS",
    "SOURCES",
    "STAGES",
    "BatchDiagnosis",
    "DemoId",
    "FunnelBenchmarks",
    "FunnelInputs",
    "ReferenceRule",
    "ReplicatePolicy",
    "ReplicateView",
    "SkippedRow",
    "Stage",
    "StageCheck",
    "VideoDiagnosis",
    "VideoFunnel",
    "VideoUpload",
    "demo_set",
    "diagnose_batch",
    "diagnose_video",
    "dump_inputs",
    "load_inputs",
    "prepare_videos",
    "read_videos",
    "room_summary",
    "videos_frame",
]
