package io.tradekit.sample.nft.chain.infrastructure;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Mint transactions of the local ledger, pending or sealed. */
@Mapper
public interface ChainTransactionMapper extends BaseMapper<ChainTransactionDO> {

    @Select("SELECT * FROM chain_transaction WHERE block_height IS NULL ORDER BY token_id LIMIT #{limit}")
    List<ChainTransactionDO> selectPending(@Param("limit") int limit);

    @Select("SELECT COUNT(*) FROM chain_transaction WHERE block_height IS NULL")
    long countPending();

    /** Assigns a pending transaction to its block; 0 when it was not pending (any more). */
    @Update("UPDATE chain_transaction SET block_height = #{height}, leaf_index = #{leafIndex} "
            + "WHERE token_id = #{tokenId} AND block_height IS NULL")
    int assignToBlock(@Param("tokenId") long tokenId, @Param("height") long height, @Param("leafIndex") int leafIndex);

    @Select("SELECT * FROM chain_transaction WHERE block_height BETWEEN #{from} AND #{to} "
            + "ORDER BY block_height, leaf_index")
    List<ChainTransactionDO> selectSealedIn(@Param("from") long from, @Param("to") long to);

    @Select("SELECT * FROM chain_transaction WHERE block_height = #{height} ORDER BY leaf_index")
    List<ChainTransactionDO> selectByBlock(@Param("height") long height);

    @Select("SELECT * FROM chain_transaction WHERE owner_id = #{ownerId} ORDER BY token_id DESC LIMIT #{limit}")
    List<ChainTransactionDO> selectByOwner(@Param("ownerId") long ownerId, @Param("limit") int limit);
}
