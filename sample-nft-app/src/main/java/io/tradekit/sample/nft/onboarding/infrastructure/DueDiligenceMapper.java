package io.tradekit.sample.nft.onboarding.infrastructure;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

/** MyBatis-Plus mapper of {@link DueDiligenceDO}. */
@Mapper
public interface DueDiligenceMapper extends BaseMapper<DueDiligenceDO> {
}
