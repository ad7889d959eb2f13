package io.tradekit.sample.nft.chain.infrastructure;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** Blocks of the local ledger. */
@Mapper
public interface ChainBlockMapper extends BaseMapper<ChainBlockDO> {

    @Select("SELECT * FROM chain_block WHERE height BETWEEN #{from} AND #{to} ORDER BY height")
    List<ChainBlockDO> selectRange(@Param("from") long from, @Param("to") long to);
}
