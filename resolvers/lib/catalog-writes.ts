import { util } from '@aws-appsync/utils';
import { genreKey, type TableKey } from './keys';

/** One item of a TransactWriteItems request, as AppSync expects it. */
export interface TransactItem {
  table: string;
  operation: 'PutItem' | 'UpdateItem' | 'DeleteItem' | 'ConditionCheck';
  key: Record<string, unknown>;
  attributeValues?: Record<string, unknown>;
  update?: {
    expression: string;
    expressionNames?: Record<string, string>;
    expressionValues?: Record<string, unknown>;
  };
  condition?: {
    expression: string;
    expressionNames?: Record<string, string>;
    expressionValues?: Record<string, unknown>;
  };
}

export function putItem(table: string, key: TableKey, attributes: Record<string, unknown>): TransactItem {
  return {
    table,
    operation: 'PutItem',
    key: util.dynamodb.toMapValues(key),
    attributeValues: util.dynamodb.toMapValues(attributes),
  };
}

export function deleteItem(table: string, key: TableKey): TransactItem {
  return { table, operation: 'DeleteItem', key: util.dynamodb.toMapValues(key) };
}

/** Genre-row membership items of a title. */
export function genreItems(
  table: string,
  genres: string[],
  createdAt: string,
  movieId: string,
  remove: boolean,
): TransactItem[] {
  return genres.map((genre) =>
    remove
      ? deleteItem(table, genreKey(genre, createdAt, movieId))
      : putItem(table, genreKey(genre, createdAt, movieId), { movieId, genre }),
  );
}
