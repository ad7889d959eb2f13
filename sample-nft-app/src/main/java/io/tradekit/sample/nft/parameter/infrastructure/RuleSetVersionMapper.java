package io.tradekit.sample.nft.parameter.infrastructure;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

/** MyBatis-Plus mapper of {@link RuleSetVersionDO}. */
@Mapper
public interface RuleSetVersionMapper extends BaseMapper<RuleSetVersionDO> {
}
