package io.tradekit.sample.nft.chain.infrastructure;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The chain head row; locking it serializes sealers across instances. */
@Mapper
public interface ChainHeadMapper {

    @Select("SELECT height, block_hash FROM chain_head WHERE id = 1 FOR UPDATE")
    ChainHeadDO lockHead();

    @Select("SELECT height, block_hash FROM chain_head WHERE id = 1")
    ChainHeadDO readHead();

    @Update("UPDATE chain_head SET height = #{height}, block_hash = #{blockHash} WHERE id = 1 AND height = #{expected}")
    int advance(@Param("height") long height, @Param("blockHash") String blockHash, @Param("expected") long expected);
}
