import { Amplify } from 'aws-amplify';
import type { StackOutputs } from '../config/outputs';

export function configureAmplify(outputs: StackOutputs): void {
  Amplify.configure({
    Auth: {
      Cognito: {
        userPoolId: outputs.userPoolId,
        userPoolClientId: outputs.userPoolClientId,
        // cognito-local: Amplify parses the region from the pool id, the endpoint override makes that moot.
        ...(outputs.cognitoEndpoint ? { userPoolEndpoint: outputs.cognitoEndpoint } : {}),
        loginWith: { email: true },
        signUpVerificationMethod: 'code',
        ...(outputs.passwordFormat ? { passwordFormat: outputs.passwordFormat } : {}),
      },
    },
  });
}
