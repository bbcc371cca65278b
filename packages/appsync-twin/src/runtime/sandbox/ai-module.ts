/** `@aws-appsync/utils/ai`: Bedrock request builders. The twin has no Bedrock data source, so they fail when called. */
import { notEmulatedFunctions } from './not-emulated';

export const aiModule = notEmulatedFunctions('@aws-appsync/utils/ai', ['invokeModel', 'converse']);
