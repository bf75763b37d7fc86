"""tinghu-policy: 《盐城市亭湖区政务信息化项目建设管理办法（试行）》 as a traceable rule library."""

from tinghu_policy.errors import TinghuPolicyError
from tinghu_policy.interpretation import Interpretation

__all__ = ["Interpretation", "TinghuPolicyError"]
__version__ = "0.1.0"
